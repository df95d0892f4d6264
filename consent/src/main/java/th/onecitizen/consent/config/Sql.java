package th.onecitizen.consent.config;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Small helpers the consent module's R2DBC adapters share: nullable binds and typed reads. */
public final class Sql {

    private Sql() {
    }

    /** Binds {@code value}, or a typed null. */
    public static <T> GenericExecuteSpec bind(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    /** Reads a timestamptz column as an instant (null stays null). */
    public static Instant instant(Readable row, String column) {
        OffsetDateTime t = row.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Reads a text[] column as a list (null as empty). */
    public static List<String> list(Readable row, String column) {
        String[] a = row.get(column, String[].class);
        return a == null ? List.of() : Arrays.asList(a);
    }

    /** A collection as a text[] parameter. */
    public static String[] array(java.util.Collection<String> values) {
        return values.toArray(String[]::new);
    }

    /** An instant as a timestamptz parameter, truncated to PostgreSQL's microseconds. */
    public static OffsetDateTime ts(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(java.time.ZoneOffset.UTC);
    }
}
