package th.onecitizen.bff.oauth;

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

/**
 * The front channel: {@code authorize} (GET, and POST answered with 303), the upstream providers' callbacks, the
 * NDID waiting page and the link-completion page.
 */
@RestController
public final class AuthorizationController {

    private final AuthorizationServer server;
    private final Pages pages;

    public AuthorizationController(AuthorizationServer server, Pages pages) {
        this.server = server;
        this.pages = pages;
    }

    @GetMapping("/oauth2/authorize")
    Mono<ResponseEntity<String>> authorize(ServerWebExchange exchange) {
        return server.authorize(exchange.getRequest().getQueryParams())
                .map(o -> OAuthResponses.outcome(o, false, pages));
    }

    @PostMapping("/oauth2/authorize")
    Mono<ResponseEntity<String>> authorizePost(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> server.authorize(form))
                .map(o -> OAuthResponses.outcome(o, true, pages));
    }

    @GetMapping("/oauth2/callback/{provider}")
    Mono<ResponseEntity<String>> callback(@PathVariable String provider, ServerWebExchange exchange) {
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        return server.callback(provider, query).map(o -> OAuthResponses.outcome(o, false, pages));
    }

    @GetMapping("/oauth2/ndid/wait/{transaction}")
    Mono<ResponseEntity<String>> ndidWait(@PathVariable String transaction) {
        return server.ndidWait(transaction).map(o -> OAuthResponses.outcome(o, false, pages));
    }

    @GetMapping("/oauth2/linked")
    ResponseEntity<String> linked(@RequestParam(name = "provider", required = false) String provider) {
        return OAuthResponses.page(200, pages.notice("เชื่อมบัญชีเรียบร้อยแล้ว", "The provider is now linked."));
    }

}
