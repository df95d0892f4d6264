package th.onecitizen.platform.persistence;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A module's claim on the database: its own schema and its own Flyway location. Each module publishes one as a
 * bean; the application migrates them all, one Flyway history per schema, before anything reads the database.
 *
 * @param module   the module's name, for logs
 * @param schema   the PostgreSQL schema the module owns (lowercase identifier)
 * @param location the Flyway location of its migrations, e.g. {@code classpath:db/consent}
 */
public record ModuleSchema(String module, String schema, String location) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public ModuleSchema {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(location, "location");
        if (schema == null || !IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be a lowercase SQL identifier, got: " + schema);
        }
    }
}
