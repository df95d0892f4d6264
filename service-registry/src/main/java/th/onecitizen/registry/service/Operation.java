package th.onecitizen.registry.service;

import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One call a service offers, and what personal data it moves.
 *
 * @param id                 stable id within the service ({@code household-record})
 * @param name               Thai and English name
 * @param method             HTTP method at the agency (GET or POST)
 * @param pathTemplate       path below the connector's base URL; {@code {sub}} is not allowed: the subject goes in the assertion
 * @param requestSchema      JSON Schema (subset) the citizen's request body must match, or null when there is none
 * @param responseSchema     JSON Schema (subset) the agency's answer must match
 * @param idempotent         true when repeating the call has no further effect (retries are allowed only then)
 * @param sendsCategories    data categories OneCitizen sends to the agency
 * @param receivesCategories data categories the agency returns
 * @param purposeId          the registered processing purpose
 * @param lawfulBasis        the PDPA lawful basis code ({@code consent}, {@code public_task}, ...)
 * @param dashboard          true when the operation is the service's summary shown on the citizen's dashboard
 */
public record Operation(String id, LocalizedText name, String method, String pathTemplate, JsonNode requestSchema,
        JsonNode responseSchema, boolean idempotent, Set<String> sendsCategories, Set<String> receivesCategories,
        String purposeId, String lawfulBasis, boolean dashboard) {

    public Operation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        Objects.requireNonNull(responseSchema, "responseSchema");
        // a stored document reads "no request body" back as JSON null
        requestSchema = requestSchema == null || requestSchema.isNull() || requestSchema.isMissingNode() ? null
                : requestSchema;
        sendsCategories = Set.copyOf(sendsCategories == null ? Set.of() : sendsCategories);
        receivesCategories = Set.copyOf(receivesCategories == null ? Set.of() : receivesCategories);
        Objects.requireNonNull(purposeId, "purposeId");
        Objects.requireNonNull(lawfulBasis, "lawfulBasis");
    }

    /** Every category the operation moves in either direction: what consent must allow. */
    public Set<String> allCategories() {
        java.util.Set<String> all = new java.util.TreeSet<>(sendsCategories);
        all.addAll(receivesCategories);
        return Set.copyOf(all);
    }
}
