package th.onecitizen.consent.grant;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import th.onecitizen.consent.ConsentError;

/**
 * PDPA s20: who must consent for a minor (under 20 and not sui juris), an incompetent or a quasi-incompetent
 * person. Applied when consent is given and again at every decision, since age is taken at decision time (R20.1).
 */
public final class AgeRules {

    /** Age of majority under the Civil and Commercial Code s19. */
    static final int MAJORITY = 20;
    /** Below this age only the holder of parental responsibility may consent (s20 para 1). */
    static final int PARENT_ONLY_BELOW = 10;

    private AgeRules() {
    }

    /**
     * Empty when the recorded actors satisfy s20 on {@code today}; otherwise the failure.
     *
     * @param facts               the subject's facts, or null when unknown
     * @param actorRole           who consented: self, parent, custodian or curator
     * @param guardianRole        who co-consented with the minor, or null
     * @param minorMayConsentAlone whether the purpose lets a minor of ten or more act alone (CCC ss22-24)
     */
    public static Optional<ConsentError> check(SubjectFacts.Facts facts, LocalDate today, String actorRole,
            String guardianRole, boolean minorMayConsentAlone) {
        if (facts == null || facts.birthDate() == null) {
            return Optional.of(ConsentError.AGE_UNVERIFIED);
        }
        if (facts.capacity() == SubjectFacts.Capacity.INCOMPETENT) {
            return "custodian".equals(actorRole) ? Optional.empty() : Optional.of(ConsentError.MINOR_REQUIRES_GUARDIAN);
        }
        if (facts.capacity() == SubjectFacts.Capacity.QUASI_INCOMPETENT) {
            return "curator".equals(actorRole) || "curator".equals(guardianRole) ? Optional.empty()
                    : Optional.of(ConsentError.MINOR_REQUIRES_GUARDIAN);
        }
        int age = Period.between(facts.birthDate(), today).getYears();
        if (age >= MAJORITY || facts.suiJuris()) {
            return Optional.empty();
        }
        if (age < PARENT_ONLY_BELOW) {
            return "parent".equals(actorRole) ? Optional.empty() : Optional.of(ConsentError.MINOR_REQUIRES_GUARDIAN);
        }
        boolean parentInvolved = "parent".equals(actorRole) || "parent".equals(guardianRole);
        return parentInvolved || minorMayConsentAlone ? Optional.empty()
                : Optional.of(ConsentError.MINOR_REQUIRES_GUARDIAN);
    }

    /**
     * The subject's facts, with the capacity a representation in force implies: a custodian is registered for an
     * incompetent person, a curator for a quasi-incompetent one (the digital ID asserts neither).
     */
    public static SubjectFacts.Facts withRepresentation(SubjectFacts.Facts f, String representativeRole) {
        if (f == null || representativeRole == null) {
            return f;
        }
        return new SubjectFacts.Facts(f.birthDate(), "custodian".equals(representativeRole)
                ? SubjectFacts.Capacity.INCOMPETENT : SubjectFacts.Capacity.QUASI_INCOMPETENT, f.suiJuris());
    }
}
