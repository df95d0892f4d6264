package th.onecitizen.consent.decision;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Test-only: permits as the consent module would issue them, for connector tests that run without consent. */
public final class TestPermits {

    private TestPermits() {
    }

    public static Permit permit(String subjectRef, String agencyId, String purposeId, Set<String> categories) {
        Instant now = Instant.now();
        return new Permit(UUID.randomUUID().toString(), subjectRef, agencyId, purposeId, LawfulBasis.PUBLIC_TASK,
                categories, now, now.plusSeconds(60));
    }
}
