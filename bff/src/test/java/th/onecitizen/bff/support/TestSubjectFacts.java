package th.onecitizen.bff.support;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.grant.SubjectFacts;

/**
 * Verified birth dates for application tests, standing in for identity's profiles (which need an upstream login):
 * a test registers a fresh subject with the facts it needs; any other subject has no verified birth date, as in
 * production. Imported by {@link ApplicationTest}.
 */
@Primary
public final class TestSubjectFacts implements SubjectFacts {

    private final Map<String, Facts> facts = new ConcurrentHashMap<>();

    @Override
    public Mono<Facts> of(String subjectRef) {
        return Mono.justOrEmpty(facts.get(subjectRef));
    }

    /** A fresh subject born 40 years ago, with full capacity. */
    public String adult() {
        return bornOn(LocalDate.now().minusYears(40));
    }

    /** A fresh subject born on {@code birthDate}, with full capacity. */
    public String bornOn(LocalDate birthDate) {
        return with(new Facts(birthDate, Capacity.FULL, false));
    }

    /** A fresh subject with these facts. */
    public String with(Facts f) {
        String subject = "sub-" + UUID.randomUUID();
        facts.put(subject, f);
        return subject;
    }

    /** A fresh subject with no verified birth date. */
    public String unverified() {
        return "sub-" + UUID.randomUUID();
    }
}
