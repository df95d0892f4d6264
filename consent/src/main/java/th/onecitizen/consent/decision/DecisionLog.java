package th.onecitizen.consent.decision;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.Page;
import th.onecitizen.consent.config.Sql;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;

/**
 * The decision log (R19.1): every refused share, with the citizen's opaque id, the agency, the purpose, the
 * categories asked for, the reason code, the trace id and the time. A refusal is written with one small insert that
 * commits before the gate answers, so no refusal goes unlogged (a failed write fails the decision with a 503
 * problem; no data flows either way). The commit is asynchronous (PostgreSQL's {@code synchronous_commit = off} for
 * that one transaction): the decision does not wait for the disk flush, and only a crash of the PostgreSQL server
 * within the WAL writer's delay (at most three times {@code wal_writer_delay}, 600 ms by default) could lose a row. Permits are not written here: a permit that is used is in the access log
 * with its decision id, and the allow path keeps no extra write.
 */
public final class DecisionLog {

    // One statement, one round trip, committed asynchronously (synchronous_commit off for this transaction only):
    // the row is in PostgreSQL before the refusal is answered, without waiting for the WAL flush to disk.
    private static final String INSERT = "INSERT INTO consent.decision_log (occurred_at, subject_ref, agency_id, "
            + "purpose_id, categories, decision, reason, trace_id) SELECT :at, :s, :agency, :p, :cats, 'refused', "
            + ":reason, :trace FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit";

    private final DatabaseClient db;

    public DecisionLog(DatabaseClient db) {
        this.db = db;
    }

    /** Logs a refusal of {@code request}; the trace id is the current one, when there is one. */
    public Mono<Void> refused(DecisionRequest request, Refusal refusal, Instant at) {
        return Mono.defer(() -> Sql.bind(db.sql(INSERT).bind("at", Sql.ts(at.truncatedTo(ChronoUnit.MICROS)))
                .bind("s", request.subjectRef()).bind("agency", request.agencyId())
                .bind("p", request.purposeId())
                .bind("cats", Sql.array(new java.util.TreeSet<>(request.dataCategories())))
                .bind("reason", refusal.code()), "trace", MDC.get("traceId"), String.class).then())
                // an unlogged refusal is not answered as one: the caller retries (nothing flows meanwhile)
                .onErrorMap(e -> !(e instanceof ProblemException), e -> new ProblemException(
                        CommonError.SERVICE_UNAVAILABLE, "The consent decision cannot be recorded now; retry later",
                        Map.of(), Map.of("Retry-After", "2"), e));
    }

    /**
     * A filter over the log; null fields do not filter.
     *
     * @param subjectRef the citizen's opaque id
     * @param agencyId   the agency
     * @param purposeId  the purpose
     * @param reason     the reason code
     * @param from       from this time (inclusive)
     * @param to         until this time (exclusive)
     */
    public record Filter(String subjectRef, String agencyId, String purposeId, String reason, Instant from,
            Instant to) {
    }

    /**
     * One logged decision.
     *
     * @param id         its position in the log
     * @param occurredAt when it was decided
     * @param subjectRef the citizen's opaque id
     * @param agencyId   the agency that would have received the data
     * @param purposeId  the purpose asked for
     * @param categories the categories asked for
     * @param decision   {@code refused}
     * @param reason     the refusal's reason code ({@code consent_required}, ...)
     * @param traceId    the trace of the call that was refused, when known
     */
    public record Entry(long id, Instant occurredAt, String subjectRef, String agencyId, String purposeId,
            List<String> categories, String decision, String reason, String traceId) {
    }

    /** One page of the log, newest first. */
    public Mono<Page<Entry>> find(Filter f, int page, int size) {
        StringBuilder where = new StringBuilder("WHERE true");
        if (f.subjectRef() != null) {
            where.append(" AND subject_ref = :s");
        }
        if (f.agencyId() != null) {
            where.append(" AND agency_id = :agency");
        }
        if (f.purposeId() != null) {
            where.append(" AND purpose_id = :p");
        }
        if (f.reason() != null) {
            where.append(" AND reason = :reason");
        }
        if (f.from() != null) {
            where.append(" AND occurred_at >= :from");
        }
        if (f.to() != null) {
            where.append(" AND occurred_at < :to");
        }
        DatabaseClient.GenericExecuteSpec items = bind(db.sql("SELECT * FROM consent.decision_log " + where
                + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset"), f)
                .bind("limit", size).bind("offset", (long) page * size);
        DatabaseClient.GenericExecuteSpec count = bind(db.sql("SELECT count(*) FROM consent.decision_log " + where),
                f);
        return Mono.zip(items.map(DecisionLog::read).all().collectList(),
                count.map(r -> r.get(0, Long.class)).one())
                .map(t -> new Page<>(t.getT1(), page, size, t.getT2()));
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Filter f) {
        if (f.subjectRef() != null) {
            spec = spec.bind("s", f.subjectRef());
        }
        if (f.agencyId() != null) {
            spec = spec.bind("agency", f.agencyId());
        }
        if (f.purposeId() != null) {
            spec = spec.bind("p", f.purposeId());
        }
        if (f.reason() != null) {
            spec = spec.bind("reason", f.reason());
        }
        if (f.from() != null) {
            spec = spec.bind("from", Sql.ts(f.from()));
        }
        if (f.to() != null) {
            spec = spec.bind("to", Sql.ts(f.to()));
        }
        return spec;
    }

    private static Entry read(Readable r) {
        return new Entry(r.get("id", Long.class), Sql.instant(r, "occurred_at"), r.get("subject_ref", String.class),
                r.get("agency_id", String.class), r.get("purpose_id", String.class), Sql.list(r, "categories"),
                r.get("decision", String.class), r.get("reason", String.class), r.get("trace_id", String.class));
    }
}
