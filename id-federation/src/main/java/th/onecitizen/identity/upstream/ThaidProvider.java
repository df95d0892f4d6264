package th.onecitizen.identity.upstream;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.IdentityProperties.ProviderProperties;
import th.onecitizen.identity.assurance.Assurance;
import th.onecitizen.identity.citizen.ProviderClaims;
import th.onecitizen.identity.citizen.VerifiedIdentity;
import th.onecitizen.identity.token.TokenHashes;

/**
 * ThaiD (DOPA): OIDC code flow with ES256 ID tokens. Accepts both token-response shapes (ID token, or flat claims
 * when {@code openid} was not granted) and both expiry spellings, as a duration or an absolute time. Sends PKCE,
 * which ThaiD tolerates.
 */
public final class ThaidProvider extends ProviderSupport {

    private final WebClient web;
    private final RemoteJwks jwks;
    private volatile Instant discoveryCheckedAt;

    public ThaidProvider(String name, ProviderProperties settings, WebClient.Builder builder, Clock clock) {
        super(name, settings, clock);
        this.web = builder.build();
        this.jwks = new RemoteJwks(web, settings.baseUrl() + "/jwks/", calls, clock, Duration.ofSeconds(30));
    }

    @Override
    public URI authorizationUri(UpstreamLogin login) {
        return URI.create(url(settings.baseUrl() + "/api/v2/oauth2/auth/", params(
                "response_type", "code", "client_id", settings.clientId(), "redirect_uri", login.redirectUri(),
                "scope", String.join(" ", settings.scopes()), "state", login.state(), "nonce", login.nonce(),
                "code_challenge", Pkce.challenge(login.codeVerifier()), "code_challenge_method", "S256",
                "login_hint", login.loginHint())));
    }

    /**
     * The provider's discovery document must name the issuer we expect (S-UP-06); checked before each code
     * redemption and cached for ten minutes once it agrees, so a changed or spoofed document stops logins.
     */
    private Mono<Void> discoveryAgrees() {
        Instant checked = discoveryCheckedAt;
        if (checked != null && checked.plus(Duration.ofMinutes(10)).isAfter(clock.instant())) {
            return Mono.empty();
        }
        return calls.guard(web.get().uri(settings.baseUrl() + "/.well-known/openid-configuration").retrieve()
                .bodyToMono(JSON_MAP)).flatMap(d -> {
                    if (!settings.expectedIssuer().equals(d.get("issuer"))) {
                        return Mono.error(UpstreamException.denied("ThaiD discovery names another issuer"));
                    }
                    discoveryCheckedAt = clock.instant();
                    return Mono.<Void>empty();
                });
    }

    @Override
    public Mono<VerifiedIdentity> redeem(String code, UpstreamLogin login) {
        return discoveryAgrees().then(Mono.defer(() -> exchange(code, login)));
    }

    private Mono<VerifiedIdentity> exchange(String code, UpstreamLogin login) {
        Mono<Map<String, Object>> token = web.post().uri(settings.baseUrl() + "/api/v2/oauth2/token/")
                .headers(h -> h.setBasicAuth(settings.clientId(), settings.clientSecret(), StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "authorization_code").with("code", code)
                        .with("redirect_uri", login.redirectUri()).with("code_verifier", login.codeVerifier()))
                .retrieve().bodyToMono(JSON_MAP);
        return calls.guard(token).flatMap(body -> {
            checkExpiry(body);
            Object idToken = body.get("id_token");
            if (idToken == null) {
                return Mono.fromSupplier(() -> fromClaims("pid:" + str(body.get("pid")), body));
            }
            return UpstreamJwt.validate(str(idToken), jwks, settings.expectedIssuer(), settings.clientId(), clock)
                    .map(claims -> {
                        checkNonceAndHash(claims, login, str(body.get("access_token")));
                        return fromClaims(claims.getSubject(), claims.getClaims());
                    });
        });
    }

    private VerifiedIdentity fromClaims(String subject, Map<String, Object> c) {
        Assurance configured = configuredAssurance();
        String ial = Assurance.normaliseIal(c.get("ial")).orElse(configured.ial());
        ProviderClaims claims = new ProviderClaims(str(c.get("name")), str(c.get("name_en")), date(c.get("birthdate")));
        return identity(subject, str(c.get("pid")), new Assurance(ial, configured.aal()), claims);
    }

    private static void checkNonceAndHash(JWTClaimsSet claims, UpstreamLogin login, String accessToken) {
        if (!login.nonce().equals(claims.getClaim("nonce"))) {
            throw UpstreamException.denied("id_token nonce mismatch");
        }
        Object atHash = claims.getClaim("at_hash");
        if (atHash != null) {
            if (accessToken == null || !atHash.equals(TokenHashes.leftHalf(accessToken))) {
                throw UpstreamException.denied("id_token at_hash mismatch");
            }
        }
    }

    private void checkExpiry(Map<String, Object> body) {
        Object raw = body.containsKey("expires_in") ? body.get("expires_in") : body.get("expire_in");
        if (raw == null) {
            return;
        }
        long value;
        try {
            value = Long.parseLong(String.valueOf(raw).trim());
        } catch (NumberFormatException e) {
            throw UpstreamException.denied("token expiry malformed");
        }
        // a value that looks like a Unix time is absolute; a small one is a duration
        Instant expiry = value > 1_000_000_000L ? Instant.ofEpochSecond(value) : clock.instant().plusSeconds(value);
        if (!expiry.isAfter(clock.instant())) {
            throw UpstreamException.denied("provider token already expired");
        }
    }
}
