package th.onecitizen.consent.decision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.ConsentError;
import th.onecitizen.platform.error.ProblemException;

/**
 * Permits for answering a citizen's own privacy request at an agency (s30 access, s31 portability, s35
 * rectification): the lawful basis is the controller's legal obligation to the citizen, not consent. A permit is
 * issued only for a request that exists, belongs to the subject, is of a right that reaches agencies and was not
 * refused, so connectors still cannot call an agency without the consent module's say.
 */
public final class RightsPermits {

    /** The purpose every data-subject-rights share is logged under. */
    public static final String PURPOSE = "onecitizen.data_subject_rights";

    private static final Set<String> RIGHTS = Set.of("access", "portability", "rectification");

    private final DatabaseClient db;
    private final Duration ttl;
    private final Clock clock;

    public RightsPermits(DatabaseClient db, Duration ttl, Clock clock) {
        this.db = db;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A permit to share {@code categories} with {@code agencyId} while answering request {@code requestId}. */
    public Mono<Permit> forRequest(String subjectRef, UUID requestId, String agencyId, Set<String> categories) {
        return db.sql("SELECT type, status FROM consent.privacy_request WHERE id = :id AND subject_ref = :s")
                .bind("id", requestId).bind("s", subjectRef)
                .map(r -> Map.entry(r.get("type", String.class), r.get("status", String.class))).one()
                .filter(r -> RIGHTS.contains(r.getKey()) && !"refused".equals(r.getValue()))
                .switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.PRIVACY_REQUEST_NOT_FOUND,
                        "No privacy request of this citizen reaches agencies")))
                .map(r -> {
                    Instant now = clock.instant();
                    return new Permit("dsr:" + requestId + ":" + UUID.randomUUID(), subjectRef, agencyId, PURPOSE,
                            LawfulBasis.LEGAL_OBLIGATION, categories, now, now.plus(ttl));
                });
    }
}
