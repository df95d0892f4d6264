package th.onecitizen.identity.upstream;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.IdentityProperties.ProviderProperties;
import th.onecitizen.identity.assurance.Assurance;
import th.onecitizen.identity.citizen.ProviderClaims;
import th.onecitizen.identity.citizen.VerifiedIdentity;

/**
 * MOPH Health ID (Mor Prom): custom OAuth 2.0. The token endpoint answers a {@code {status, data, message}}
 * envelope; the access token is a JWT validated against the provider's published key, whose {@code scopes_detail}
 * names the person; {@code /api/v1/accounts} is the fallback for the citizen ID.
 */
public final class MophIdProvider extends ProviderSupport {

    private final WebClient web;
    private final RemoteJwks jwks;

    public MophIdProvider(String name, ProviderProperties settings, WebClient.Builder builder, Clock clock) {
        super(name, settings, clock);
        this.web = builder.build();
        this.jwks = new RemoteJwks(web, settings.baseUrl() + "/api/v1/jwks", calls, clock, Duration.ofSeconds(30));
    }

    @Override
    public URI authorizationUri(UpstreamLogin login) {
        return URI.create(url(settings.baseUrl() + "/oauth/redirect", params("client_id", settings.clientId(),
                "redirect_uri", login.redirectUri(), "response_type", "code", "state", login.state(),
                "login_hint", login.loginHint())));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Mono<VerifiedIdentity> redeem(String code, UpstreamLogin login) {
        Mono<Map<String, Object>> token = web.post().uri(settings.baseUrl() + "/api/v1/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "authorization_code").with("code", code)
                        .with("redirect_uri", login.redirectUri()).with("client_id", settings.clientId())
                        .with("client_secret", settings.clientSecret()))
                .retrieve().bodyToMono(JSON_MAP);
        return calls.guard(token).flatMap(envelope -> {
            if (!"success".equals(envelope.get("status")) || !(envelope.get("data") instanceof Map<?, ?> data)
                    || data.get("access_token") == null) {
                return Mono.error(UpstreamException.denied("MOPH token envelope not successful"));
            }
            String accessToken = str(data.get("access_token"));
            return UpstreamJwt.validate(accessToken, jwks, settings.expectedIssuer(), settings.clientId(), clock)
                    .flatMap(claims -> {
                        Map<String, Object> detail = claims.getClaim("scopes_detail") instanceof Map<?, ?> m
                                ? (Map<String, Object>) m : Map.of();
                        Mono<String> cid = detail.get("id_card") != null ? Mono.just(str(detail.get("id_card")))
                                : accountCitizenId(accessToken);
                        Assurance configured = configuredAssurance();
                        String ial = Assurance.normaliseIal(detail.get("ial")).orElse(configured.ial());
                        ProviderClaims pc = new ProviderClaims(join(nz(detail.get("name_prefix"))
                                + nz(detail.get("name")), str(detail.get("surname"))), null, null);
                        return cid.map(id -> identity(claims.getSubject(), id, new Assurance(ial, configured.aal()),
                                pc));
                    });
        });
    }

    private Mono<String> accountCitizenId(String accessToken) {
        return calls.guard(web.get().uri(settings.baseUrl() + "/api/v1/accounts")
                .headers(h -> h.setBearerAuth(accessToken)).retrieve().bodyToMono(JSON_MAP))
                .flatMap(body -> body.get("data") instanceof Map<?, ?> d && d.get("id_card_num") != null
                        ? Mono.just(str(d.get("id_card_num")))
                        : Mono.error(UpstreamException.denied("MOPH account has no citizen ID")));
    }
}
