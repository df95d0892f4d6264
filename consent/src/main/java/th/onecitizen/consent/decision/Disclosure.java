package th.onecitizen.consent.decision;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One share of personal data that happened under a permit, for the citizen's access log (PDPA s27, s39).
 *
 * @param serviceId      the registry service that was called
 * @param operationId    the operation
 * @param dataCategories the categories that actually flowed (a subset of the permit's)
 * @param occurredAt     when the call was made
 * @param traceId        the trace id of the call, for audit
 * @param outcome        {@code ok}, {@code failed}, {@code timeout}, ...
 * @param receivedCategories the categories the agency returned to OneCitizen (collection from another source, s25)
 */
public record Disclosure(String serviceId, String operationId, Set<String> dataCategories, Instant occurredAt,
        String traceId, String outcome, Set<String> receivedCategories) {

    /** A share in which the agency returned no personal data. */
    public Disclosure(String serviceId, String operationId, Set<String> dataCategories, Instant occurredAt,
            String traceId, String outcome) {
        this(serviceId, operationId, dataCategories, occurredAt, traceId, outcome, Set.of());
    }

    public Disclosure {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(operationId, "operationId");
        dataCategories = Set.copyOf(Objects.requireNonNull(dataCategories, "dataCategories"));
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(outcome, "outcome");
        receivedCategories = Set.copyOf(receivedCategories == null ? Set.of() : receivedCategories);
    }
}
