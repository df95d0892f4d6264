package th.onecitizen.bff.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads {@code Authorization: Bearer <token>} or {@code Authorization: DPoP <token>} with its {@code DPoP} proof.
 * The request URI for the proof's {@code htu} is rebuilt from the configured issuer's origin, never from
 * forwarded headers. A missing or foreign scheme yields no authentication (answered with a plain Bearer challenge);
 * a repeated header or proof is refused outright.
 */
final class AccessTokenAuthenticationConverter implements ServerAuthenticationConverter {

    private final URI origin;

    AccessTokenAuthenticationConverter(URI origin) {
        this.origin = origin;
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        List<String> authorization = headers.getOrEmpty(HttpHeaders.AUTHORIZATION);
        if (authorization.isEmpty()) {
            return Mono.empty();
        }
        if (authorization.size() > 1) {
            return Mono.error(AccessTokenRejected.invalidToken("repeated Authorization header", false));
        }
        String value = authorization.get(0);
        int space = value.indexOf(' ');
        if (space <= 0) {
            return Mono.empty();
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        String token = value.substring(space + 1).trim();
        if (!scheme.equals("bearer") && !scheme.equals("dpop")) {
            return Mono.empty();
        }
        List<String> proofs = headers.getOrEmpty("DPoP");
        if (proofs.size() > 1) {
            return Mono.error(AccessTokenRejected.invalidProof("repeated DPoP header"));
        }
        URI uri = origin.resolve(exchange.getRequest().getPath().value());
        return Mono.just(new PresentedAccessToken(scheme, token, proofs.isEmpty() ? null : proofs.get(0),
                exchange.getRequest().getMethod().name(), uri));
    }
}
