package th.onecitizen.consent.accesslog;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import th.onecitizen.platform.work.RepeatingWork;

/**
 * Moves committed disclosures from the outbox into the partitioned access log. A batch moves in one statement
 * (insert and delete together, rows claimed with SKIP LOCKED so instances share the work); when a batch fails,
 * rows move one by one and each failure is rescheduled with exponential backoff, keeping its last error.
 */
public final class AccessLogDrainer extends RepeatingWork {

    private static final Logger log = LoggerFactory.getLogger(AccessLogDrainer.class);
    private static final String COLUMNS = "id, subject_ref, occurred_at, agency_id, service_id, operation_id, "
            + "purpose_id, basis, categories, decision_id, trace_id, outcome, received_categories";
    private static final String SOURCE = "entry_id, subject_ref, occurred_at, agency_id, service_id, operation_id, "
            + "purpose_id, basis, categories, decision_id, trace_id, outcome, received_categories";

    private final DatabaseClient db;
    private final int batchSize;
    private final Duration maxBackoff;

    public AccessLogDrainer(DatabaseClient db, Duration interval, int batchSize, Duration maxBackoff) {
        super("Access-log drain", interval);
        this.db = db;
        this.batchSize = batchSize;
        this.maxBackoff = maxBackoff;
    }

    /** Moves due entries until none is left; emits how many moved. */
    public Mono<Long> drain() {
        return drainBatch().expand(n -> n == batchSize ? drainBatch() : Mono.empty()).reduce(0L, Long::sum);
    }

    private Mono<Long> drainBatch() {
        return db.sql("WITH due AS (SELECT * FROM consent.access_outbox WHERE next_attempt_at <= now() ORDER BY id "
                + "LIMIT :n FOR UPDATE SKIP LOCKED), moved AS (INSERT INTO consent.access_log (" + COLUMNS + ") SELECT "
                + SOURCE + " FROM due ON CONFLICT DO NOTHING) DELETE FROM consent.access_outbox o USING due "
                + "WHERE o.id = due.id")
                .bind("n", batchSize).fetch().rowsUpdated()
                .onErrorResume(e -> {
                    log.warn("Moving an access-log batch failed, moving one by one: {}", e.toString());
                    return drainOneByOne();
                });
    }

    private Mono<Long> drainOneByOne() {
        return db.sql("SELECT id FROM consent.access_outbox WHERE next_attempt_at <= now() ORDER BY id LIMIT :n")
                .bind("n", batchSize).map(r -> r.get("id", Long.class)).all()
                .concatMap(id -> db.sql("WITH due AS (SELECT * FROM consent.access_outbox WHERE id = :id FOR UPDATE SKIP "
                        + "LOCKED), moved AS (INSERT INTO consent.access_log (" + COLUMNS + ") SELECT " + SOURCE
                        + " FROM due ON CONFLICT DO NOTHING) DELETE FROM consent.access_outbox o USING due WHERE o.id = due.id")
                        .bind("id", id).fetch().rowsUpdated()
                        .onErrorResume(e -> reschedule(id, e).thenReturn(0L)))
                .reduce(0L, Long::sum);
    }

    private Mono<Void> reschedule(long id, Throwable e) {
        return db.sql("UPDATE consent.access_outbox SET attempts = attempts + 1, last_error = :err, next_attempt_at = now() + "
                + "least(interval '1 second' * power(2, attempts), :max * interval '1 second') WHERE id = :id")
                .bind("err", String.valueOf(e.getMessage()).substring(0, Math.min(500,
                        String.valueOf(e.getMessage()).length())))
                .bind("max", (double) maxBackoff.toSeconds()).bind("id", id).then();
    }

    /** How many disclosures wait in the outbox (a metric: it should stay near zero). */
    public Mono<Long> backlog() {
        return db.sql("SELECT count(*) FROM consent.access_outbox").map(r -> r.get(0, Long.class)).one();
    }

    @Override
    protected Mono<?> round() {
        return drain();
    }
}
