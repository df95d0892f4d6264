package th.onecitizen.consent.decision;

import java.util.Objects;
import java.util.Set;

/**
 * What a share of personal data would be: whose data (an opaque subject reference, never a citizen ID), to which
 * agency, for which registered purpose, and which data categories.
 *
 * @param subjectRef     the citizen's opaque id
 * @param agencyId       the recipient agency
 * @param purposeId      the registered purpose the share serves
 * @param dataCategories the data categories that would flow
 */
public record DecisionRequest(String subjectRef, String agencyId, String purposeId, Set<String> dataCategories) {

    public DecisionRequest {
        Objects.requireNonNull(subjectRef, "subjectRef");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(purposeId, "purposeId");
        dataCategories = Set.copyOf(Objects.requireNonNull(dataCategories, "dataCategories"));
    }
}
