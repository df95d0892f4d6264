package th.onecitizen.registry.service;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * How OneCitizen authenticates to an agency. Secrets never live in the registry: a {@code secretRef} names a secret
 * in OneCitizen's configuration (a vault in production).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AgencyAuth.ClientCredentials.class, name = "oauth2_client_credentials"),
    @JsonSubTypes.Type(value = AgencyAuth.MutualTls.class, name = "mtls"),
    @JsonSubTypes.Type(value = AgencyAuth.ApiKey.class, name = "api_key")})
public sealed interface AgencyAuth {

    /** The stable type code. */
    String type();

    /**
     * OAuth 2.0 client credentials at the agency's token endpoint.
     *
     * @param tokenUrl  the agency's token endpoint (validated like the base URL)
     * @param clientId  OneCitizen's client id at the agency
     * @param secretRef the name of the client secret in OneCitizen's configuration
     * @param scope     the scope to request, or empty
     */
    record ClientCredentials(String tokenUrl, String clientId, String secretRef, String scope) implements AgencyAuth {
        public ClientCredentials {
            Objects.requireNonNull(tokenUrl, "tokenUrl");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secretRef, "secretRef");
            scope = scope == null ? "" : scope;
        }

        @Override
        public String type() {
            return "oauth2_client_credentials";
        }
    }

    /**
     * Mutual TLS with a client certificate from OneCitizen's key store.
     *
     * @param keyRef the name of the key store entry in OneCitizen's configuration
     */
    record MutualTls(String keyRef) implements AgencyAuth {
        public MutualTls {
            Objects.requireNonNull(keyRef, "keyRef");
        }

        @Override
        public String type() {
            return "mtls";
        }
    }

    /**
     * A static API key in a header.
     *
     * @param header    the header name ({@code X-API-Key})
     * @param secretRef the name of the key in OneCitizen's configuration
     */
    record ApiKey(String header, String secretRef) implements AgencyAuth {
        public ApiKey {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(secretRef, "secretRef");
        }

        @Override
        public String type() {
            return "api_key";
        }
    }
}
