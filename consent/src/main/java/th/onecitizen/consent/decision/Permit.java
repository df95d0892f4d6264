package th.onecitizen.consent.decision;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Permission to share named data categories of one citizen with one agency for one purpose, until a short expiry.
 * Only the consent module creates permits (the constructor is package-private); connectors require one for every
 * agency call that carries personal data.
 */
public final class Permit {

    private final String decisionId;
    private final String subjectRef;
    private final String agencyId;
    private final String purposeId;
    private final LawfulBasis basis;
    private final Set<String> dataCategories;
    private final Instant issuedAt;
    private final Instant expiresAt;

    Permit(String decisionId, String subjectRef, String agencyId, String purposeId, LawfulBasis basis,
            Set<String> dataCategories, Instant issuedAt, Instant expiresAt) {
        this.decisionId = Objects.requireNonNull(decisionId, "decisionId");
        this.subjectRef = Objects.requireNonNull(subjectRef, "subjectRef");
        this.agencyId = Objects.requireNonNull(agencyId, "agencyId");
        this.purposeId = Objects.requireNonNull(purposeId, "purposeId");
        this.basis = Objects.requireNonNull(basis, "basis");
        this.dataCategories = Set.copyOf(dataCategories);
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The id of the decision that produced this permit, for the access log and audit. */
    public String decisionId() {
        return decisionId;
    }

    /** The citizen's opaque id. */
    public String subjectRef() {
        return subjectRef;
    }

    /** The one agency the data may go to. */
    public String agencyId() {
        return agencyId;
    }

    /** The registered purpose. */
    public String purposeId() {
        return purposeId;
    }

    /** The lawful basis the decision relied on. */
    public LawfulBasis basis() {
        return basis;
    }

    /** The data categories (claims) that may flow; anything else must be dropped. */
    public Set<String> dataCategories() {
        return dataCategories;
    }

    /** When the decision was made. */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** After this instant the permit no longer authorises a call. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** True while the permit may still be used at {@code now}. */
    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Permit[" + decisionId + ", agency=" + agencyId + ", purpose=" + purposeId + ", basis=" + basis.code()
                + ", categories=" + dataCategories + ", expires=" + expiresAt + "]";
    }
}
