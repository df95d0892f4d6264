package th.onecitizen.bff.web;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.platform.privacy.CitizenIds;

/**
 * Refuses a request whose query string holds a checksum-valid citizen ID (S-PV-02): URLs end up in browser
 * histories, proxies' and load balancers' access logs and referrers, out of our masking's reach. Answers
 * {@code 400 citizen_id_in_url} before authentication and before any handler sees the request. Both the names and
 * the values of parameters are checked, by the same rule as log masking ({@link CitizenIds#mask}).
 *
 * <p>One exception, narrowly: {@code login_hint} at {@code GET /oauth2/authorize}. The OpenID Connect front channel
 * defines it as a query parameter, and the super-app passes the citizen ID there to skip the provider's picker;
 * the value is never logged (the log guard and masking apply) and is only forwarded to the chosen provider. Every
 * other parameter there ({@code state}, {@code nonce}, {@code id_token_hint}, ...) is checked like anywhere else:
 * our ID tokens carry an opaque {@code sub}, so a hint never legitimately holds a citizen ID either. The NDID
 * citizen-ID form posts its value in the body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public final class CitizenIdInUrlFilter implements WebFilter {

    private static final String AUTHORIZE = "/oauth2/authorize";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (request.getURI().getRawQuery() == null) {
            return chain.filter(exchange);
        }
        boolean authorize = HttpMethod.GET.equals(request.getMethod())
                && AUTHORIZE.equals(request.getPath().pathWithinApplication().value());
        for (Map.Entry<String, List<String>> e : request.getQueryParams().entrySet()) {
            if (holdsCitizenId(e.getKey())) {
                return refuse();
            }
            if (authorize && "login_hint".equals(e.getKey())) {
                continue;
            }
            for (String value : e.getValue()) {
                if (holdsCitizenId(value)) {
                    return refuse();
                }
            }
        }
        return chain.filter(exchange);
    }

    static boolean holdsCitizenId(String text) {
        if (text == null || text.length() < 13) {
            return false;
        }
        // the query parser has already decoded %xx; the printed form may also arrive with '+' for its spaces
        return CitizenIds.mask(text) != text || CitizenIds.mask(text.replace('+', ' ')) != text.replace('+', ' ');
    }

    private static Mono<Void> refuse() {
        // the detail names no parameter value: the answer must not echo the ID
        return Mono.error(new ProblemException(CommonError.CITIZEN_ID_IN_URL,
                "Send the citizen ID in the request body, never in the URL"));
    }
}
