package th.onecitizen.bff.oauth;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import th.onecitizen.bff.security.EdgeHeaders;
import th.onecitizen.identity.authorization.OAuthException;
import th.onecitizen.identity.authorization.TokenService;
import th.onecitizen.platform.observability.ParkedObservation;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /oauth2/token}, answered by a filter ahead of the security chain and the handler mapping. It is the
 * busiest endpoint (every refresh of every app) and needs neither: it authenticates its caller itself, as OAuth
 * says. The request-size limit and the citizen-ID-in-URL check run before it; {@link EdgeHeaders} adds what the
 * security chain would (headers, CORS). Measured: see BENCHMARKS.md, "Token endpoint against Keycloak".
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
public final class TokenEndpoint implements WebFilter {

    static final String PATH = "/oauth2/token";

    private final TokenService tokens;
    private final GuessingGate gate;
    private final EdgeHeaders edge;
    private final JsonMapper json;

    TokenEndpoint(TokenService tokens, GuessingGate gate, EdgeHeaders edge, JsonMapper json) {
        this.tokens = tokens;
        this.gate = gate;
        this.edge = edge;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (!HttpMethod.POST.equals(request.getMethod())
                || !PATH.equals(request.getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        // metrics and traces name the endpoint as a mapped handler would
        ServerRequestObservationContext.findCurrent(exchange.getAttributes()).ifPresent(c -> c.setPathPattern(PATH));
        if (!edge.apply(exchange)) {
            return exchange.getResponse().setComplete();
        }
        return token(exchange).flatMap(response -> write(exchange, response))
                // the request's observation (its metrics and server span) stays outside: inside, nothing is traced
                // and the one log line (GuessingGate's) restores it, so per-operator thread-local scopes are pure cost
                .contextWrite(ParkedObservation::park);
    }

    private Mono<ResponseEntity<Map<String, Object>>> token(ServerWebExchange exchange) {
        HttpHeaders h = exchange.getRequest().getHeaders();
        if (h.getOrEmpty("DPoP").size() > 1) {
            return Mono.just(OAuthResponses.error(new OAuthException("invalid_dpop_proof", "One DPoP proof only",
                    400)));
        }
        return OAuthResponses.form(exchange)
                .flatMap(form -> gate.throttled(GuessingGate.caller(exchange, form), GuessingGate.publicClient(h, form),
                        tokens.token(h.getFirst(HttpHeaders.AUTHORIZATION), form, h.getFirst("DPoP"))))
                .map(OAuthResponses::json)
                .onErrorResume(OAuthException.class, e -> Mono.just(OAuthResponses.error(e)));
    }

    private Mono<Void> write(ServerWebExchange exchange, ResponseEntity<Map<String, Object>> entity) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(entity.getStatusCode());
        response.getHeaders().putAll(entity.getHeaders());
        byte[] body = json.writeValueAsBytes(entity.getBody());
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
