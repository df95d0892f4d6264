package th.onecitizen.consent.support;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.grant.SubjectFacts;

/** The subject-facts port answered from a map the test fills (identity's role in production). */
public final class TestSubjectFacts implements SubjectFacts {

    private final Map<String, Facts> facts = new ConcurrentHashMap<>();

    /** Registers an adult of full capacity. */
    public String adult(String subjectRef) {
        return born(subjectRef, LocalDate.now().minusYears(35));
    }

    /** Registers a subject born on {@code birthDate}, of full capacity. */
    public String born(String subjectRef, LocalDate birthDate) {
        facts.put(subjectRef, new Facts(birthDate, Capacity.FULL, false));
        return subjectRef;
    }

    /** Registers a subject with the given facts. */
    public String with(String subjectRef, Facts f) {
        facts.put(subjectRef, f);
        return subjectRef;
    }

    @Override
    public Mono<Facts> of(String subjectRef) {
        return Mono.justOrEmpty(facts.get(subjectRef));
    }
}
