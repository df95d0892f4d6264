package th.onecitizen.consent.dsar;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.config.Sql;

/**
 * The outbox of corrections to deliver to agencies (R35.1). A deliverer claims due tasks (a lease: other instances
 * skip them until it expires), delivers each and reports the outcome; a failure is retried with exponential
 * backoff until {@code maxAttempts}, then recorded as undeliverable with its reason. Every outcome is an event in
 * the request's status history.
 */
public final class CorrectionOutbox {

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final int maxAttempts;
    private final Duration maxBackoff;
    private final SealedText details;

    public CorrectionOutbox(DatabaseClient db, TransactionalOperator tx, int maxAttempts, Duration maxBackoff,
            SealedText details) {
        this.details = details;
        this.db = db;
        this.tx = tx;
        this.maxAttempts = maxAttempts;
        this.maxBackoff = maxBackoff;
    }

    private SealedText outcomes() {
        return details.withContext(PrivacyRequestService.OUTCOME_CONTEXT);
    }

    /**
     * A correction due for delivery.
     *
     * @param requestId  the rectification request
     * @param subjectRef the citizen
     * @param agencyId   the agency to deliver to
     * @param categories the categories it received
     * @param details    what the citizen asked to correct
     * @param outcome    what the DPO decided
     * @param attempt    this attempt's number (1 = first)
     */
    public record Due(UUID requestId, String subjectRef, String agencyId, List<String> categories, String details,
            String outcome, int attempt) {
    }

    /** Claims up to {@code limit} due tasks for {@code lease}. */
    public Flux<Due> claim(int limit, Duration lease) {
        return db.sql("WITH due AS (SELECT request_id, agency_id FROM consent.correction_task WHERE status = 'pending' "
                + "AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT :n FOR UPDATE SKIP LOCKED) "
                + "UPDATE consent.correction_task t SET attempts = t.attempts + 1, next_attempt_at = now() + :lease "
                + "* interval '1 millisecond' FROM due, consent.privacy_request r WHERE t.request_id = due.request_id "
                + "AND t.agency_id = due.agency_id AND r.id = t.request_id RETURNING t.request_id, r.subject_ref, "
                + "t.agency_id, t.categories, r.details, r.outcome, t.attempts")
                .bind("n", limit).bind("lease", (double) lease.toMillis())
                .map(r -> new Due(r.get("request_id", UUID.class), r.get("subject_ref", String.class),
                        r.get("agency_id", String.class), Sql.list(r, "categories"), r.get("details", String.class),
                        r.get("outcome", String.class), r.get("attempts", Integer.class)))
                .all()
                .concatMap(d -> Mono.zip(details.open(d.subjectRef(), d.details()),
                        outcomes().open(d.subjectRef(), d.outcome())).map(t -> new Due(d.requestId(), d.subjectRef(),
                        d.agencyId(), d.categories(), t.getT1().orElse(null), t.getT2().orElse(null), d.attempt())));
    }

    /** The agency acknowledged the correction under {@code reference}. */
    public Mono<Void> delivered(Due d, String reference) {
        return db.sql("UPDATE consent.correction_task SET status = 'delivered', delivered_at = now(), reference = "
                + ":ref, last_error = NULL WHERE request_id = :id AND agency_id = :a AND status = 'pending'")
                .bind("ref", reference == null ? "" : reference).bind("id", d.requestId()).bind("a", d.agencyId())
                .fetch().rowsUpdated()
                .flatMap(n -> n == 0 ? Mono.empty() : event(d.requestId(), "Correction delivered to agency "
                        + d.agencyId() + (reference == null ? "" : " (its reference " + reference + ")")))
                .as(tx::transactional);
    }

    /**
     * The attempt failed because of {@code reason}. A {@code permanent} failure (the agency takes no corrections,
     * or refused this one) is final at once; a transient one is retried until the attempts run out.
     */
    public Mono<Void> failed(Due d, String reason, boolean permanent) {
        String why = reason.length() > 500 ? reason.substring(0, 500) : reason;
        boolean last = permanent || d.attempt() >= maxAttempts;
        if (!last) {
            return db.sql("UPDATE consent.correction_task SET last_error = :e, next_attempt_at = now() + least("
                    + "interval '1 second' * power(2, attempts), :max * interval '1 second') WHERE request_id = :id "
                    + "AND agency_id = :a AND status = 'pending'").bind("e", why).bind("max",
                            (double) maxBackoff.toSeconds()).bind("id", d.requestId()).bind("a", d.agencyId()).then();
        }
        return db.sql("UPDATE consent.correction_task SET status = 'undeliverable', last_error = :e WHERE request_id "
                + "= :id AND agency_id = :a AND status = 'pending'").bind("e", why).bind("id", d.requestId())
                .bind("a", d.agencyId()).fetch().rowsUpdated()
                .flatMap(n -> n == 0 ? Mono.empty() : event(d.requestId(), "Correction not delivered to agency "
                        + d.agencyId() + " after " + d.attempt() + " attempt(s): " + why))
                .as(tx::transactional);
    }

    private Mono<Void> event(UUID id, String note) {
        return db.sql("INSERT INTO consent.privacy_request_event (request_id, seq, status, note, actor, at) "
                + "SELECT :id, coalesce(max(seq), 0) + 1, (SELECT status FROM consent.privacy_request WHERE id = :id), :note, "
                + "'system', now() FROM consent.privacy_request_event WHERE request_id = :id").bind("id", id)
                .bind("note", note).then();
    }
}
