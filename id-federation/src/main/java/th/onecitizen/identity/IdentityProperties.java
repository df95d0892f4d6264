package th.onecitizen.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the identity module ({@code onecitizen.identity}, in {@code config/identity.yml}).
 *
 * @param issuer                 the authorization server's issuer URL; fixed, never derived from request headers
 * @param apiAudience            the {@code aud} of access tokens: the OneCitizen API as a resource server
 * @param signingKeys            a JWK set (JSON) of private EC P-256 keys; the first signs, all verify
 * @param accessTokenTtl         access-token lifetime (short: revocation is best effort within it)
 * @param refreshTokenTtl        absolute lifetime of a refresh-token family, from the login
 * @param codeTtl                authorization-code lifetime (at most 60 s)
 * @param verifiedTokenCacheSize how many verified access tokens are remembered per instance (0 disables the cache)
 * @param citizenIdHmacKey       base64 key (at least 32 bytes) of the keyed hash used to look citizens up by ID
 * @param citizenIdEncryptionKey base64 AES-256 key encrypting the citizen ID for display (rows sealed before
 *                               per-citizen keys, and NDID/CIBA transactions in Redis)
 * @param subjectKeyEncryptionKey base64 key (at least 32 bytes) wrapping each citizen's data key in the key store
 *                               ({@code keyvault}): crypto-shredding, erasure reaching backups (PDPA s33)
 * @param refreshTokenKey        base64 key (at least 32 bytes) of the HMAC that refresh tokens carry: a token is
 *                               verified before any database access, and the database holds nothing that mints one
 * @param subjectKeyCacheTtl     how long an instance keeps a citizen's unwrapped data key in memory
 * @param upstreamTransactionTtl how long a login may stay at an upstream provider before its state expires
 * @param cibaInterval           the minimum polling interval granted to CIBA clients
 * @param cibaTtl                how long a CIBA request may wait for the citizen
 * @param providers              the upstream identity providers by name ({@code thaid}, {@code mophid}, ...)
 * @param clients                client registrations upserted at start-up (the demo's clients)
 * @param guessingLimit          failed client authentications or grants per caller (address and claimed client)
 *                               and minute before the token endpoint answers 429 (confidential clients)
 * @param publicGuessingLimit    failed grants of a public client per address and minute before further failed
 *                               attempts answer 429 instead of their error (valid credentials are never refused)
 * @param authorizeRateLimit     authorize requests per remote address and minute (S-AB-03)
 * @param authorizeRateLimitExempt remote addresses (exact, as Java prints them) not counted by that limit: the
 *                               demo's loopback only; empty in production
 */
@Validated
@ConfigurationProperties("onecitizen.identity")
public record IdentityProperties(
        @NotBlank String issuer,
        @NotBlank String apiAudience,
        @NotBlank String signingKeys,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        Duration codeTtl,
        Integer verifiedTokenCacheSize,
        @NotBlank String citizenIdHmacKey,
        @NotBlank String citizenIdEncryptionKey,
        @NotBlank String subjectKeyEncryptionKey,
        @NotBlank String refreshTokenKey,
        Duration subjectKeyCacheTtl,
        Duration upstreamTransactionTtl,
        Duration cibaInterval,
        Duration cibaTtl,
        @Valid Map<String, ProviderProperties> providers,
        @Valid List<ClientSeed> clients,
        Integer guessingLimit,
        Integer publicGuessingLimit,
        Integer authorizeRateLimit,
        List<String> authorizeRateLimitExempt) {

    public IdentityProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(5) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(30) : refreshTokenTtl;
        subjectKeyCacheTtl = subjectKeyCacheTtl == null ? Duration.ofSeconds(60) : subjectKeyCacheTtl;
        codeTtl = codeTtl == null ? Duration.ofSeconds(60) : codeTtl;
        if (codeTtl.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("onecitizen.identity.code-ttl must be at most 60 s");
        }
        verifiedTokenCacheSize = verifiedTokenCacheSize == null ? 100_000 : verifiedTokenCacheSize;
        upstreamTransactionTtl = upstreamTransactionTtl == null ? Duration.ofMinutes(10) : upstreamTransactionTtl;
        cibaInterval = cibaInterval == null ? Duration.ofSeconds(5) : cibaInterval;
        cibaTtl = cibaTtl == null ? Duration.ofMinutes(5) : cibaTtl;
        // keep the configured order: it is the order of the provider chooser
        providers = providers == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(providers));
        clients = clients == null ? List.of() : List.copyOf(clients);
        guessingLimit = guessingLimit == null ? 20 : guessingLimit;
        publicGuessingLimit = publicGuessingLimit == null ? 10 * guessingLimit : publicGuessingLimit;
        authorizeRateLimit = authorizeRateLimit == null ? 60 : authorizeRateLimit;
        if (authorizeRateLimit < 1 || guessingLimit < 1 || publicGuessingLimit < 1) {
            throw new IllegalArgumentException("onecitizen.identity rate limits must be at least 1");
        }
        authorizeRateLimitExempt = authorizeRateLimitExempt == null ? List.of() : List.copyOf(authorizeRateLimitExempt);
    }

    /**
     * One upstream provider.
     *
     * @param type         the adapter: {@code thaid}, {@code mophid}, {@code paotang} or {@code ndid}
     * @param enabled      whether logins may go there
     * @param baseUrl      the provider's base URL (ThaiD/MOPH/Pao Tang auth host, or our NDID node)
     * @param apiUrl       a second host where the provider has one (Pao Tang's open API); defaults to baseUrl
     * @param clientId     our client id at the provider
     * @param clientSecret our client secret at the provider (or the NDID node's x-api-key)
     * @param scopes       scopes we ask for
     * @param timeout      per-call timeout
     * @param ial          the IAL to assume when the provider states none (Pao Tang), Thai scale
     * @param aal          the AAL to assume when the provider states none, Thai scale
     * @param minIal       NDID: minimum IAL asked of IdPs
     * @param minAal       NDID: minimum AAL asked of IdPs
     * @param expectedIssuer the issuer the provider must claim (ThaiD), defaults to baseUrl
     */
    public record ProviderProperties(@NotBlank String type, Boolean enabled, @NotBlank String baseUrl, String apiUrl,
            @NotBlank String clientId, String clientSecret, List<String> scopes, Duration timeout, String ial,
            String aal, String minIal, String minAal, String expectedIssuer) {

        public ProviderProperties {
            enabled = enabled == null || enabled;
            apiUrl = apiUrl == null || apiUrl.isBlank() ? baseUrl : apiUrl;
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
            expectedIssuer = expectedIssuer == null || expectedIssuer.isBlank() ? baseUrl : expectedIssuer;
        }
    }

    /**
     * A client registration to upsert at start-up.
     *
     * @param clientId              the client id
     * @param name                  a display name
     * @param authMethod            {@code none} (public), {@code private_key_jwt} or {@code client_secret_basic}
     * @param secret                the client secret for {@code client_secret_basic} (stored hashed)
     * @param jwks                  the client's public JWK set (JSON) for {@code private_key_jwt}
     * @param redirectUris          exact redirect URIs
     * @param postLogoutRedirectUris exact post-logout redirect URIs
     * @param grantTypes            grant types the client may use
     * @param scopes                scopes the client may ask for
     * @param nativeApp             true for a native app (loopback redirects on any port, RFC 8252)
     * @param agencyId              the agency an agency client acts for
     */
    public record ClientSeed(@NotBlank String clientId, String name, @NotBlank String authMethod, String secret,
            String jwks, List<String> redirectUris, List<String> postLogoutRedirectUris, List<String> grantTypes,
            List<String> scopes, Boolean nativeApp, String agencyId) {

        public ClientSeed {
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
            grantTypes = grantTypes == null ? List.of() : List.copyOf(grantTypes);
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            nativeApp = nativeApp != null && nativeApp;
        }
    }
}
