package th.onecitizen.bff.support;

import java.util.ArrayList;
import java.util.List;
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
                "--onecitizen.issuer=https://id.onecitizen.test"));
        return args.toArray(String[]::new);
    }
}
