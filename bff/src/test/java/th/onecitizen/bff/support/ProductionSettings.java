package th.onecitizen.bff.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import th.onecitizen.testkit.TestInfrastructure;

/**
 * A complete set of production settings (no demo profile, no DEMO-ONLY value) for tests that start the application
 * as production would. Every capability that adds a required setting adds a test value here.
 */
public final class ProductionSettings {

    private ProductionSettings() {
    }

    /** Command-line arguments for the jar. */
    public static String[] arguments() {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=prod",
                "--spring.r2dbc.url=" + TestInfrastructure.r2dbcUrl(),
                "--spring.r2dbc.username=" + TestInfrastructure.pgUser(),
                "--spring.r2dbc.password=unused-with-trust-auth",
                "--spring.data.redis.host=" + TestInfrastructure.redisHost(),
                "--spring.data.redis.port=" + TestInfrastructure.redisPort(),
                "--spring.data.redis.database=" + TestInfrastructure.redisDatabase(),
                "--onecitizen.issuer=https://id.onecitizen.test",
                // identity: the authorization server's keys, the citizen-ID protection keys and the refresh-token key
                "--onecitizen.identity.signing-keys=" + new JWKSet(ecKey()).toString(false),
                "--onecitizen.identity.citizen-id-hmac-key=" + secret(),
                "--onecitizen.identity.citizen-id-encryption-key=" + secret(),
                "--onecitizen.identity.subject-key-encryption-key=" + secret(),
                "--onecitizen.identity.refresh-token-key=" + secret(),
                // consent: the receipt key and the controller named in every notice and receipt
                "--onecitizen.consent.receipt-signing-key=" + ecKey().toJSONString(),
                "--onecitizen.consent.controller.name=Test Controller",
                "--onecitizen.consent.controller.contact=privacy@controller.test",
                "--onecitizen.consent.controller.dpo-contact=dpo@controller.test",
                // connectors: the citizen-assertion key and the pairwise-subject secret
                "--onecitizen.connectors.assertion.signing-key=" + ecKey().toJSONString(),
                "--onecitizen.connectors.assertion.pairwise-secret=" + secret()));
        return args.toArray(String[]::new);
    }

    private static com.nimbusds.jose.jwk.ECKey ecKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("prod-test-" + UUID.randomUUID())
                    .algorithm(com.nimbusds.jose.JWSAlgorithm.ES256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String secret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}
