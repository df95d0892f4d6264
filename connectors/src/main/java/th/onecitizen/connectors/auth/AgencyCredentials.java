package th.onecitizen.connectors.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import th.onecitizen.connectors.ConnectorError;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.service.AgencyAuth;

/**
 * Authenticates OneCitizen to agencies. OAuth 2.0 client credentials go through Spring Security's reactive OAuth2
 * client: one registration per connector (derived from the registry at run time, so a changed token URL or client
 * id takes effect without restart), tokens cached per registration and refreshed shortly before expiry. The token
 * request itself uses the egress-checked HTTP client. API keys are added as a header; mTLS needs nothing here.
 */
public final class AgencyCredentials {

    private static final String PRINCIPAL = "onecitizen";

    private final Map<String, String> secrets;
    private final Map<String, ClientRegistration> registrations = new ConcurrentHashMap<>();
    private final AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager;

    public AgencyCredentials(Map<String, String> secrets, WebClient tokenClient) {
        this.secrets = Map.copyOf(secrets);
        ReactiveClientRegistrationRepository repository = id -> Mono.justOrEmpty(registrations.get(id));
        WebClientReactiveClientCredentialsTokenResponseClient tokens =
                new WebClientReactiveClientCredentialsTokenResponseClient();
        tokens.setWebClient(tokenClient);
        ClientCredentialsReactiveOAuth2AuthorizedClientProvider provider =
                new ClientCredentialsReactiveOAuth2AuthorizedClientProvider();
        provider.setAccessTokenResponseClient(tokens);
        this.manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(repository,
                new InMemoryReactiveOAuth2AuthorizedClientService(repository));
        this.manager.setAuthorizedClientProvider(provider);
    }

    /** The headers that authenticate a call for {@code serviceId} under {@code auth}. */
    public Mono<HttpHeaders> headers(String serviceId, AgencyAuth auth) {
        if (auth instanceof AgencyAuth.ApiKey key) {
            HttpHeaders h = new HttpHeaders();
            h.set(key.header(), secret(serviceId, key.secretRef()));
            return Mono.just(h);
        }
        if (auth instanceof AgencyAuth.ClientCredentials cc) {
            String id = registrationId(serviceId, cc);
            registrations.computeIfAbsent(id, x -> ClientRegistration.withRegistrationId(x)
                    .clientId(cc.clientId())
                    .clientSecret(secret(serviceId, cc.secretRef()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenUri(cc.tokenUrl())
                    .scope(cc.scope().isBlank() ? new String[0] : cc.scope().split(" "))
                    .build());
            return manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(id).principal(PRINCIPAL).build())
                    .onErrorMap(e -> !(e instanceof ProblemException), e -> new ProblemException(
                            ConnectorError.AGENCY_AUTH_FAILED, "Token request to the agency of " + serviceId
                                    + " failed", Map.of("service_id", serviceId), Map.of(), e))
                    .switchIfEmpty(Mono.error(() -> new ProblemException(ConnectorError.AGENCY_AUTH_FAILED,
                            "The agency of " + serviceId + " issued no token", Map.of("service_id", serviceId))))
                    .map(client -> {
                        HttpHeaders h = new HttpHeaders();
                        h.setBearerAuth(client.getAccessToken().getTokenValue());
                        return h;
                    });
        }
        return Mono.just(new HttpHeaders()); // mTLS: the client certificate authenticates
    }

    private String secret(String serviceId, String ref) {
        String s = secrets.get(ref);
        if (s == null) {
            throw new ProblemException(ConnectorError.AGENCY_AUTH_FAILED, "No credential is configured for "
                    + serviceId, Map.of("service_id", serviceId));
        }
        return s;
    }

    /** A new registration whenever the token URL, client or scope changes; the old one simply stops being used. */
    private static String registrationId(String serviceId, AgencyAuth.ClientCredentials cc) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((cc.tokenUrl() + "\n" + cc.clientId() + "\n"
                    + cc.secretRef() + "\n" + cc.scope()).getBytes(StandardCharsets.UTF_8));
            return serviceId + "#" + HexFormat.of().formatHex(Arrays.copyOf(h, 8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
