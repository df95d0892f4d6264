package th.onecitizen.identity.upstream;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.IdentityProperties.ProviderProperties;
import th.onecitizen.identity.citizen.ProviderClaims;
import th.onecitizen.identity.citizen.VerifiedIdentity;

/**
 * Pao Tang ID (Krungthai): OAuth 2.0, then the customer-profile call on the open-API host. Only {@code code}
 * {@code "0000"} is success; any other answer is refused without reflecting its message (S-UP-06). Pao Tang states
 * no assurance level, so the configured one applies.
 */
public final class PaotangProvider extends ProviderSupport {

    private final WebClient web;

    public PaotangProvider(String name, ProviderProperties settings, WebClient.Builder builder, Clock clock) {
        super(name, settings, clock);
        this.web = builder.build();
    }

    @Override
    public URI authorizationUri(UpstreamLogin login) {
        return URI.create(url(settings.baseUrl() + "/oauth2/web/auth", params("client_id", settings.clientId(),
                "redirect_uri", login.redirectUri(), "response_type", "code",
                "scope", String.join(" ", settings.scopes()), "state", login.state(), "acr", "PIN",
                "prompt", "login", "login_hint", login.loginHint())));
    }

    @Override
    public Mono<VerifiedIdentity> redeem(String code, UpstreamLogin login) {
        Mono<Map<String, Object>> token = web.post().uri(settings.baseUrl() + "/oauth2/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "authorization_code").with("code", code)
                        .with("redirect_uri", login.redirectUri()).with("client_id", settings.clientId())
                        .with("client_secret", settings.clientSecret()))
                .retrieve().bodyToMono(JSON_MAP);
        return calls.guard(token).flatMap(t -> {
            String accessToken = str(t.get("access_token"));
            if (accessToken == null) {
                return Mono.error(UpstreamException.denied("Pao Tang gave no access token"));
            }
            return calls.guard(web.post().uri(settings.apiUrl() + "/v1/paotangid/get-customer-profile")
                    .headers(h -> h.setBearerAuth(accessToken)).retrieve().bodyToMono(JSON_MAP));
        }).flatMap(profile -> {
            if (!"0000".equals(str(profile.get("code"))) || !(profile.get("data") instanceof Map<?, ?> data)) {
                return Mono.error(UpstreamException.denied("Pao Tang profile not successful"));
            }
            String nameTh = data.get("fullNameTh") instanceof Map<?, ?> th ? join(nz(data.get("title"))
                    + nz(th.get("thaiFirstName")), str(th.get("thaiMiddleName")), str(th.get("thaiLastName"))) : null;
            String nameEn = data.get("fullNameEn") instanceof Map<?, ?> en ? join(str(en.get("engFirstName")),
                    str(en.get("engMiddleName")), str(en.get("engLastName"))) : null;
            return Mono.fromSupplier(() -> identity(str(profile.get("sub")), str(data.get("cid")),
                    configuredAssurance(), new ProviderClaims(nameTh, nameEn, date(data.get("birthDate")))));
        });
    }
}
