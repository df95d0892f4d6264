package th.onecitizen.platform.persistence;

import java.util.Collection;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Flyway over JDBC for each module's schema. Migration is a start-up step on the main thread: the reactive
 * application never touches JDBC afterwards.
 */
public final class ModuleMigrations {

    private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);

    private ModuleMigrations() {
    }

    /** Migrates every schema in order, failing fast on the first error. */
    public static void migrate(String jdbcUrl, String user, String password, Collection<ModuleSchema> schemas) {
        for (ModuleSchema schema : schemas) {
            MigrateResult result = Flyway.configure()
                    .dataSource(jdbcUrl, user, password)
                    .schemas(schema.schema())
                    .defaultSchema(schema.schema())
                    .createSchemas(true)
                    .locations(schema.location())
                    .table("flyway_schema_history")
                    .load()
                    .migrate();
            log.info("Migrated schema {} of module {}: {} migration(s) applied, now at version {}", schema.schema(),
                    schema.module(), result.migrationsExecuted, result.targetSchemaVersion);
        }
    }

    /**
     * The JDBC URL for an R2DBC PostgreSQL URL, so that one setting serves both drivers:
     * {@code r2dbc:postgresql://h:5432/db} and {@code r2dbc:pool:postgresql://...} become {@code jdbc:postgresql://...}.
     */
    public static String jdbcUrlOf(String r2dbcUrl) {
        if (r2dbcUrl == null) {
            throw new IllegalArgumentException("An R2DBC URL is required");
        }
        String lower = r2dbcUrl.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"r2dbc:pool:postgresql://", "r2dbc:postgresql://", "r2dbcs:postgresql://"}) {
            if (lower.startsWith(prefix)) {
                return "jdbc:postgresql://" + r2dbcUrl.substring(prefix.length());
            }
        }
        throw new IllegalArgumentException("Not an R2DBC PostgreSQL URL: expected r2dbc:postgresql://host:port/db");
    }
}
