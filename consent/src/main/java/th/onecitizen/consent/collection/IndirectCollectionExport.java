package th.onecitizen.consent.collection;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.config.Sql;
import th.onecitizen.consent.decision.RightsPermits;
import th.onecitizen.consent.dsar.ExportContributor;

/**
 * The export's account of data obtained without consent (s30 para 1: "the source of data obtained without
 * consent"): each agency that returned data on another basis, the categories, purpose, basis, when, and whether
 * an exemption from the notice is recorded.
 */
public final class IndirectCollectionExport implements ExportContributor {

    private final DatabaseClient db;

    public IndirectCollectionExport(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "data_obtained_without_consent";
    }

    @Override
    public Mono<Object> contribute(String subjectRef) {
        return db.sql("SELECT l.agency_id, l.purpose_id, l.basis, array_agg(DISTINCT c ORDER BY c) AS cats, "
                + "min(l.occurred_at) AS first_at, max(l.occurred_at) AS last_at, array_agg(DISTINCT l.service_id "
                + "ORDER BY l.service_id) AS services, (SELECT e.legal_ref FROM "
                + "consent.indirect_collection_exemption e WHERE e.purpose_id = l.purpose_id) AS exemption "
                + "FROM consent.access_log l, "
                + "unnest(l.received_categories) c WHERE l.subject_ref = :s AND l.basis <> 'consent' AND l.outcome = "
                + "'ok' AND l.purpose_id <> :dsr GROUP BY l.agency_id, l.purpose_id, l.basis ORDER BY l.agency_id, "
                + "l.purpose_id").bind("s", subjectRef).bind("dsr", RightsPermits.PURPOSE)
                .map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("source_agency_id", r.get("agency_id", String.class));
                    m.put("services", Sql.list(r, "services"));
                    m.put("purpose_id", r.get("purpose_id", String.class));
                    m.put("lawful_basis", r.get("basis", String.class));
                    m.put("data_categories", Sql.list(r, "cats"));
                    m.put("first_received_at", Sql.instant(r, "first_at").toString());
                    m.put("last_received_at", Sql.instant(r, "last_at").toString());
                    m.put("notice_exemption_legal_ref", r.get("exemption", String.class));
                    return (Object) m;
                }).all().collectList().map(l -> (Object) l);
    }
}
