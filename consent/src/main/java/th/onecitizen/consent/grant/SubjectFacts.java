package th.onecitizen.consent.grant;

import java.time.LocalDate;
import reactor.core.publisher.Mono;

/**
 * What consent needs to know about a citizen to apply s20: the verified date of birth from the digital ID and the
 * legal capacity. The bff adapts the identity module onto this port; consent never imports identity.
 */
public interface SubjectFacts {

    /** The facts for the subject, or empty when no verified date of birth is known. */
    Mono<Facts> of(String subjectRef);

    /** The citizen's legal capacity (s20 para 3-4). */
    enum Capacity {
        /** Full capacity. */
        FULL,
        /** Adjudged incompetent: the custodian consents. */
        INCOMPETENT,
        /** Adjudged quasi-incompetent: the curator consents. */
        QUASI_INCOMPETENT
    }

    /**
     * Facts about a subject.
     *
     * @param birthDate the verified date of birth
     * @param capacity  the legal capacity
     * @param suiJuris  true when a minor has become sui juris by marriage (CCC s20)
     */
    record Facts(LocalDate birthDate, Capacity capacity, boolean suiJuris) {
    }
}
