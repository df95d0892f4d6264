package th.onecitizen.bff.oauth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import th.onecitizen.identity.IdentityProperties;
import th.onecitizen.identity.key.SigningKeys;

/** OpenID Connect discovery, RFC 8414 metadata and the public JWKS. Every URL is built from the fixed issuer. */
@RestController
public final class DiscoveryController {

    private final Map<String, Object> metadata;
    private final SigningKeys keys;

    public DiscoveryController(IdentityProperties identity, SigningKeys keys) {
        this.keys = keys;
        String iss = identity.issuer();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", iss);
        m.put("authorization_endpoint", iss + "/oauth2/authorize");
        m.put("token_endpoint", iss + "/oauth2/token");
        m.put("userinfo_endpoint", iss + "/oauth2/userinfo");
        m.put("jwks_uri", iss + "/oauth2/jwks");
        m.put("revocation_endpoint", iss + "/oauth2/revoke");
        m.put("end_session_endpoint", iss + "/oauth2/logout");
        m.put("backchannel_authentication_endpoint", iss + "/oauth2/bc-authorize");
        m.put("backchannel_token_delivery_modes_supported", List.of("poll"));
        m.put("backchannel_user_code_parameter_supported", false);
        m.put("response_types_supported", List.of("code"));
        m.put("response_modes_supported", List.of("query"));
        m.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials",
                "urn:openid:params:grant-type:ciba"));
        m.put("subject_types_supported", List.of("public"));
        m.put("id_token_signing_alg_values_supported", List.of("ES256"));
        m.put("token_endpoint_auth_methods_supported", List.of("none", "private_key_jwt", "client_secret_basic"));
        m.put("token_endpoint_auth_signing_alg_values_supported", List.of("ES256", "PS256"));
        m.put("revocation_endpoint_auth_methods_supported", List.of("none", "private_key_jwt",
                "client_secret_basic"));
        m.put("code_challenge_methods_supported", List.of("S256"));
        m.put("dpop_signing_alg_values_supported", List.of("ES256", "ES384", "PS256", "RS256", "EdDSA"));
        m.put("scopes_supported", List.of("openid", "profile", "offline_access"));
        m.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr",
                "idp", "name", "name_en", "birthdate"));
        m.put("acr_values_supported", List.of("urn:th:ial:1.1:aal:1", "urn:th:ial:2.1:aal:2.1",
                "urn:th:ial:2.3:aal:2.2", "urn:th:ial:3:aal:3"));
        m.put("authorization_response_iss_parameter_supported", true);
        m.put("claims_parameter_supported", false);
        m.put("request_parameter_supported", false);
        m.put("request_uri_parameter_supported", false);
        m.put("ui_locales_supported", List.of("th", "en"));
        this.metadata = Map.copyOf(m);
    }

    @GetMapping(path = {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> metadata() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5))).body(metadata);
    }

    @GetMapping(path = "/oauth2/jwks", produces = {"application/jwk-set+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
                .body(keys.publicJwks());
    }
}
