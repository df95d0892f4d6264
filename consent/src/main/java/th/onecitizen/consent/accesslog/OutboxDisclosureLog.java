package th.onecitizen.consent.accesslog;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.config.Sql;
import th.onecitizen.consent.decision.Disclosure;
import th.onecitizen.consent.decision.DisclosureLog;
import th.onecitizen.consent.decision.Permit;

/**
 * Records a disclosure with one small insert into the durable outbox; {@link AccessLogDrainer} moves it into the
 * partitioned access log in batches and retries what fails, so a share is never dropped and the call never waits
 * for the (larger, indexed) access-log write.
 */
public final class OutboxDisclosureLog implements DisclosureLog {

    private final DatabaseClient db;

    public OutboxDisclosureLog(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> record(Permit permit, Disclosure d) {
        // only categories the permit allowed can have flowed; anything else would be a connector bug, kept visible
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO consent.access_outbox (entry_id, subject_ref, "
                + "occurred_at, agency_id, service_id, operation_id, purpose_id, basis, categories, decision_id, "
                + "trace_id, outcome, received_categories) VALUES (:id, :s, :at, :agency, :service, :op, :p, :basis, "
                + ":cats, :decision, :trace, :outcome, :received)")
                .bind("id", UUID.randomUUID()).bind("s", permit.subjectRef()).bind("at", Sql.ts(d.occurredAt()))
                .bind("agency", permit.agencyId()).bind("service", d.serviceId()).bind("op", d.operationId())
                .bind("p", permit.purposeId()).bind("basis", permit.basis().code())
                .bind("cats", Sql.array(d.dataCategories())).bind("decision", permit.decisionId())
                .bind("outcome", d.outcome()).bind("received", Sql.array(d.receivedCategories()));
        return Sql.bind(spec, "trace", d.traceId(), String.class).then();
    }
}
