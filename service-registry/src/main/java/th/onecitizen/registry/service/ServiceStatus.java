package th.onecitizen.registry.service;

import java.util.Locale;

/** The lifecycle of a service: draft -> pending -> active -> suspended -> retired. Only active ones are callable. */
public enum ServiceStatus {
    DRAFT, PENDING, ACTIVE, SUSPENDED, RETIRED;

    /** The lowercase code used in the API and in the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status for a code. */
    public static ServiceStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
