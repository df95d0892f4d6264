package th.onecitizen.testkit;

import io.lettuce.core.RedisClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import io.lettuce.core.RedisURI;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import th.onecitizen.platform.persistence.ModuleMigrations;
import th.onecitizen.platform.persistence.ModuleSchema;

/**
 * Where the real PostgreSQL and Redis of the test run are. Defaults fit this machine and CI (127.0.0.1, trust auth,
 * a database of their own, {@code onecitizen_test}, created when missing; Redis database 0); {@code ONECITIZEN_TEST_DB}, {@code ONECITIZEN_TEST_REDIS_DB},
 * {@code ONECITIZEN_TEST_PG_HOST}/{@code _PORT}/{@code _USER} and {@code ONECITIZEN_TEST_REDIS_HOST}/{@code _PORT}
 * let parallel checkouts use their own database.
 */
public final class TestInfrastructure {

    private TestInfrastructure() {
    }

    public static String pgHost() {
        return env("ONECITIZEN_TEST_PG_HOST", "127.0.0.1");
    }

    public static int pgPort() {
        return Integer.parseInt(env("ONECITIZEN_TEST_PG_PORT", "5432"));
    }

    public static String database() {
        return env("ONECITIZEN_TEST_DB", "onecitizen_test");
    }

    public static String pgUser() {
        return env("ONECITIZEN_TEST_PG_USER", "postgres");
    }

    public static String r2dbcUrl() {
        return "r2dbc:postgresql://" + pgHost() + ":" + pgPort() + "/" + database();
    }

    public static String jdbcUrl() {
        return ModuleMigrations.jdbcUrlOf(r2dbcUrl());
    }

    public static String redisHost() {
        return env("ONECITIZEN_TEST_REDIS_HOST", "127.0.0.1");
    }

    public static int redisPort() {
        return Integer.parseInt(env("ONECITIZEN_TEST_REDIS_PORT", "6379"));
    }

    public static int redisDatabase() {
        return Integer.parseInt(env("ONECITIZEN_TEST_REDIS_DB", "0"));
    }

    /** An unpooled R2DBC connection factory on the test database. */
    public static ConnectionFactory connectionFactory() {
        return ConnectionFactories.get(r2dbcUrl().replace("://", "://" + pgUser() + "@"));
    }

    /** Creates the test database when it does not exist yet (plain JDBC, for set-up code only). */
    public static synchronized void ensureDatabase() {
        String admin = "jdbc:postgresql://" + pgHost() + ":" + pgPort()
                + "/postgres";
        String database = database();
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalStateException("ONECITIZEN_TEST_DB must be a lowercase identifier");
        }
        try (Connection c = DriverManager.getConnection(admin, pgUser(), "")) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet r = exists.executeQuery()) {
                    if (r.next()) {
                        return;
                    }
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            } catch (SQLException raced) {
                // another test JVM created it at the same moment: fine as long as it exists now
                if (!"42P04".equals(raced.getSQLState())) {
                    throw raced;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach PostgreSQL at " + admin + " to prepare the test database "
                    + database + ": is it running? (" + e.getSQLState() + ")", e);
        }
    }

    /** Migrates the given module schemas on the test database (idempotent), creating the database if needed. */
    public static void migrate(ModuleSchema... schemas) {
        ensureDatabase();
        ModuleMigrations.migrate(jdbcUrl(), pgUser(), "", List.of(schemas));
    }

    /** A Lettuce client on the test Redis database. */
    public static RedisClient redisClient() {
        return RedisClient.create(RedisURI.builder().withHost(redisHost()).withPort(redisPort())
                .withDatabase(redisDatabase()).withTimeout(Duration.ofSeconds(5)).build());
    }

    /** Spring properties that point an application context at the test PostgreSQL and Redis. */
    public static String[] springProperties() {
        return new String[] {
            "spring.r2dbc.url=" + r2dbcUrl(),
            "spring.r2dbc.username=" + pgUser(),
            "spring.r2dbc.password=",
            "spring.data.redis.host=" + redisHost(),
            "spring.data.redis.port=" + redisPort(),
            "spring.data.redis.database=" + redisDatabase(),
        };
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
