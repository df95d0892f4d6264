package th.onecitizen.connectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the connector runtime ({@code onecitizen.connectors}, in {@code config/connectors.yml}).
 *
 * @param secrets     agency credentials by the {@code secretRef} a connector spec names (client secrets, API keys);
 *                    from a vault or the environment in production
 * @param keyStores   PKCS#12 key stores for mTLS by the {@code keyRef} a connector spec names
 * @param assertion   the signed citizen assertion sent to agencies
 * @param dashboard   the dashboard fan-out
 * @param idempotencyTtl how long a non-idempotent call's first result is kept for replays of its Idempotency-Key
 */
@Validated
@ConfigurationProperties("onecitizen.connectors")
public record ConnectorsProperties(@NotNull Map<String, String> secrets, @NotNull Map<String, KeyStoreRef> keyStores,
        @Valid @NotNull Assertion assertion, @Valid @NotNull Dashboard dashboard, @NotNull Duration idempotencyTtl) {

    /**
     * A key store for mutual TLS.
     *
     * @param path     file path of the PKCS#12 store
     * @param password its password
     */
    public record KeyStoreRef(@NotBlank String path, @NotNull String password) {
    }

    /**
     * The citizen assertion.
     *
     * @param issuer         the {@code iss} of every assertion
     * @param signingKey     the ES256 private key as a JWK (JSON); a demo value is marked DEMO-ONLY
     * @param pairwiseSecret the key that derives a different subject per agency; a demo value is marked DEMO-ONLY
     * @param lifetime       how long an assertion is valid (at most 60 s, S-TK-06)
     */
    public record Assertion(@NotBlank String issuer, @NotBlank String signingKey, @NotBlank String pairwiseSecret,
            @NotNull Duration lifetime) {
    }

    /**
     * The dashboard.
     *
     * @param budget          the time budget of the whole fan-out
     * @param defaultServices the services a citizen sees before pinning any
     */
    public record Dashboard(@NotNull Duration budget, @NotNull List<String> defaultServices) {
    }
}
