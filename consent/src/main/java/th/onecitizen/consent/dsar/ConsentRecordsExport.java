package th.onecitizen.consent.dsar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.config.Sql;

/** The consent module's own part of an export: consents, receipts, ledger events, access log and notifications. */
public final class ConsentRecordsExport implements ExportContributor {

    /** The most access-log entries one export carries; older ones stay available page by page in the app. */
    static final int MAX_ACCESS_LOG = 10_000;

    private final DatabaseClient db;

    public ConsentRecordsExport(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "consent_records";
    }

    @Override
    public Mono<Object> contribute(String subjectRef) {
        Mono<List<Map<String, Object>>> ledger = rows("SELECT seq, record_id, consent_id, event, purpose_id, "
                + "notice_version, text_hash, language, categories, actor_role, channel, at, hash FROM consent.ledger "
                + "WHERE subject_ref = :s ORDER BY seq", subjectRef);
        Mono<List<Map<String, Object>>> receipts = rows("SELECT id, consent_id, state, jws, issued_at FROM "
                + "consent.receipt WHERE subject_ref = :s ORDER BY issued_at", subjectRef);
        Mono<List<Map<String, Object>>> access = rows("SELECT occurred_at, agency_id, service_id, operation_id, "
                + "purpose_id, basis, categories, trace_id, outcome FROM consent.access_log WHERE subject_ref = :s "
                + "ORDER BY occurred_at DESC LIMIT " + MAX_ACCESS_LOG, subjectRef);
        Mono<List<Map<String, Object>>> notes = rows("SELECT kind, title_en, title_th, body_en, body_th, created_at "
                + "FROM consent.notification WHERE subject_ref = :s ORDER BY created_at", subjectRef);
        return Mono.zip(ledger, receipts, access, notes).map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("consent_ledger", t.getT1());
            m.put("receipts", t.getT2());
            m.put("access_log", t.getT3());
            m.put("notifications", t.getT4());
            return m;
        });
    }

    private Mono<List<Map<String, Object>>> rows(String sql, String subjectRef) {
        return db.sql(sql).bind("s", subjectRef).map((row, meta) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            meta.getColumnMetadatas().forEach(c -> {
                Object v = row.get(c.getName());
                if (v instanceof String[] a) {
                    v = List.of(a);
                } else if (v instanceof java.time.OffsetDateTime t) {
                    v = t.toInstant().toString();
                } else if (v != null && !(v instanceof Number) && !(v instanceof Boolean)) {
                    v = v.toString();
                }
                m.put(c.getName(), v);
            });
            return m;
        }).all().collectList();
    }
}
