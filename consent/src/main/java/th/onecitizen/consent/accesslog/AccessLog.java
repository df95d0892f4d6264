package th.onecitizen.consent.accesslog;

import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.Page;
import th.onecitizen.consent.config.Sql;

/** Reads a citizen's own access log: only ever the subject's entries, newest first. */
public final class AccessLog {

    private final DatabaseClient db;

    public AccessLog(DatabaseClient db) {
        this.db = db;
    }

    /** One page of the subject's access log. */
    public Mono<Page<AccessLogEntry>> find(String subjectRef, AccessLogFilter f, int page, int size) {
        StringBuilder where = new StringBuilder("WHERE subject_ref = :s");
        if (f.agencyId() != null) {
            where.append(" AND agency_id = :agency");
        }
        if (f.category() != null) {
            where.append(" AND :category = ANY (categories)");
        }
        if (f.from() != null) {
            where.append(" AND occurred_at >= :from");
        }
        if (f.to() != null) {
            where.append(" AND occurred_at < :to");
        }
        DatabaseClient.GenericExecuteSpec items = bind(db.sql("SELECT * FROM consent.access_log " + where
                + " ORDER BY occurred_at DESC, id LIMIT :limit OFFSET :offset"), subjectRef, f)
                .bind("limit", size).bind("offset", (long) page * size);
        DatabaseClient.GenericExecuteSpec count = bind(db.sql("SELECT count(*) FROM consent.access_log " + where),
                subjectRef, f);
        return Mono.zip(items.map(AccessLog::read).all().collectList(),
                count.map(r -> r.get(0, Long.class)).one())
                .map(t -> new Page<>(t.getT1(), page, size, t.getT2()));
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, String subjectRef,
            AccessLogFilter f) {
        spec = spec.bind("s", subjectRef);
        if (f.agencyId() != null) {
            spec = spec.bind("agency", f.agencyId());
        }
        if (f.category() != null) {
            spec = spec.bind("category", f.category());
        }
        if (f.from() != null) {
            spec = spec.bind("from", Sql.ts(f.from()));
        }
        if (f.to() != null) {
            spec = spec.bind("to", Sql.ts(f.to()));
        }
        return spec;
    }

    static AccessLogEntry read(Readable r) {
        return new AccessLogEntry(r.get("id", UUID.class), Sql.instant(r, "occurred_at"),
                r.get("agency_id", String.class), r.get("service_id", String.class),
                r.get("operation_id", String.class), r.get("purpose_id", String.class), r.get("basis", String.class),
                Sql.list(r, "categories"), r.get("decision_id", String.class), r.get("trace_id", String.class),
                r.get("outcome", String.class));
    }

    /**
     * Every agency that received any of the subject's data, with the categories it received, from the access log
     * and the outbox (shares not yet moved): who holds data about the citizen because of OneCitizen.
     */
    public Mono<java.util.Map<String, java.util.Set<String>>> recipients(String subjectRef) {
        return db.sql("SELECT agency_id, array_agg(DISTINCT c ORDER BY c) AS cats FROM (SELECT agency_id, "
                + "unnest(categories) c FROM consent.access_log WHERE subject_ref = :s UNION ALL SELECT agency_id, "
                + "unnest(categories) FROM consent.access_outbox WHERE subject_ref = :s) a GROUP BY agency_id "
                + "ORDER BY agency_id").bind("s", subjectRef)
                .map(r -> java.util.Map.entry(r.get("agency_id", String.class),
                        (java.util.Set<String>) new java.util.TreeSet<>(Sql.list(r, "cats")))).all()
                .collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue, java.util.TreeMap::new);
    }
}
