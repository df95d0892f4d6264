package th.onecitizen.bff.oauth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.authorization.AuthorizationServer;
import th.onecitizen.identity.authorization.AuthorizeRateLimit;
import th.onecitizen.platform.observability.ParkedObservation;

/**
 * The front channel: {@code authorize} (GET, and POST answered with 303), the upstream providers' callbacks, the
 * NDID waiting page and the link-completion page.
 */
@RestController
public final class AuthorizationController {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationController.class);

    private final AuthorizationServer server;
    private final Pages pages;
    private final AuthorizeRateLimit rate;

    public AuthorizationController(AuthorizationServer server, Pages pages, AuthorizeRateLimit rate) {
        this.server = server;
        this.pages = pages;
        this.rate = rate;
    }

    @GetMapping("/oauth2/authorize")
    Mono<ResponseEntity<String>> authorize(ServerWebExchange exchange) {
        return limited(exchange, () -> server.authorize(exchange.getRequest().getQueryParams())
                .map(o -> OAuthResponses.outcome(o, false, pages)));
    }

    @PostMapping("/oauth2/authorize")
    Mono<ResponseEntity<String>> authorizePost(ServerWebExchange exchange) {
        var headers = exchange.getRequest().getHeaders();
        boolean ownPage = server.fromOwnPage(headers.getOrigin(), headers.getFirst("Sec-Fetch-Site"));
        return limited(exchange, () -> exchange.getFormData().flatMap(form -> server.authorize(form))
                .map(o -> OAuthResponses.outcome(ownPage ? server.afterForm(o) : o, true, pages)));
    }

    /**
     * The per-address limit of authorize (S-AB-03), checked before anything is parsed or stored. Its refusal is a
     * page, not a redirect: the client and its redirect URI are not validated yet, and an error redirect to an
     * unvalidated URI would make us an open redirector (S-AS-01). 429 with {@code Retry-After}; 503 when Redis
     * cannot count (fail closed).
     */
    private Mono<ResponseEntity<String>> limited(ServerWebExchange exchange,
            java.util.function.Supplier<Mono<ResponseEntity<String>>> then) {
        var remote = exchange.getRequest().getRemoteAddress();
        String address = remote == null || remote.getAddress() == null ? "unknown"
                : remote.getAddress().getHostAddress();
        return rate.admit(address)
                .map(wait -> withRetryAfter(OAuthResponses.page(429, pages.error(
                        "Too many sign-in attempts from your network; please wait a minute and try again.")), wait))
                .onErrorResume(e -> ParkedObservation.traced(() -> log.warn(
                        "Authorize refused: the per-address limit cannot count ({})", e.toString()))
                        .then(Mono.just(withRetryAfter(OAuthResponses.page(503, pages.error(
                                "Sign-in is temporarily unavailable; please try again shortly.")), 5))))
                .switchIfEmpty(Mono.defer(then))
                .contextWrite(ParkedObservation::park);
    }

    private static ResponseEntity<String> withRetryAfter(ResponseEntity<String> page, long seconds) {
        return ResponseEntity.status(page.getStatusCode()).headers(page.getHeaders())
                .header("Retry-After", String.valueOf(seconds)).body(page.getBody());
    }

    @GetMapping("/oauth2/callback/{provider}")
    Mono<ResponseEntity<String>> callback(@PathVariable String provider, ServerWebExchange exchange) {
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        return server.callback(provider, query).map(o -> OAuthResponses.outcome(o, false, pages))
                // traced where it calls out or logs (UpstreamCalls, AuthorizationServer), parked elsewhere
                .contextWrite(ParkedObservation::park);
    }

    @GetMapping("/oauth2/ndid/wait/{transaction}")
    Mono<ResponseEntity<String>> ndidWait(@PathVariable String transaction,
            @RequestParam(name = "after", required = false) String after) {
        return server.ndidWait(transaction, after).map(o -> OAuthResponses.outcome(o, false, pages));
    }

    @GetMapping("/oauth2/linked")
    ResponseEntity<String> linked(@RequestParam(name = "provider", required = false) String provider) {
        return OAuthResponses.page(200, pages.notice("เชื่อมบัญชีเรียบร้อยแล้ว", "The provider is now linked."));
    }

}
