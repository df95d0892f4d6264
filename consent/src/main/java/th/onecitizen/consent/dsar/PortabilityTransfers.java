package th.onecitizen.consent.dsar;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.config.Sql;

/**
 * Direct transmissions of a portability export to another controller (s31, R31.1): each attempt is recorded with
 * its outcome, a refusal with its reason, and appears in the request's status history.
 */
public final class PortabilityTransfers {

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;

    public PortabilityTransfers(DatabaseClient db, TransactionalOperator tx, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * One transmission.
     *
     * @param id           its id
     * @param controllerId the receiving controller (a registered agency)
     * @param status       {@code delivered}, {@code refused} (the controller cannot receive, with the reason) or
     *                     {@code failed} (it could not be reached, with the reason; the citizen may try again)
     * @param reason       why it was refused or failed
     * @param reference    the receiver's reference, once delivered
     * @param at           when
     */
    public record Transfer(UUID id, String controllerId, String status, String reason, String reference, Instant at) {
    }

    /** Records a transmission of request {@code requestId} and its history event. */
    public Mono<Transfer> record(UUID requestId, String controllerId, String status, String reason, String reference) {
        Transfer t = new Transfer(UUID.randomUUID(), controllerId, status, reason, reference,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        String note = switch (status) {
            case "delivered" -> "Export sent directly to controller " + controllerId
                    + (reference == null ? "" : " (its reference " + reference + ")");
            case "refused" -> "Direct transmission to " + controllerId + " refused: " + reason;
            default -> "Direct transmission to " + controllerId + " failed: " + reason;
        };
        return Sql.bind(Sql.bind(db.sql("INSERT INTO consent.privacy_request_transfer (id, request_id, controller_id, "
                + "status, reason, reference, at) VALUES (:id, :r, :c, :st, :reason, :ref, :at)").bind("id", t.id())
                .bind("r", requestId).bind("c", controllerId).bind("st", status).bind("at", Sql.ts(t.at())),
                "reason", reason, String.class), "ref", reference, String.class).then()
                .then(db.sql("INSERT INTO consent.privacy_request_event (request_id, seq, status, note, actor, at) "
                        + "SELECT :id, coalesce(max(seq), 0) + 1, (SELECT status FROM consent.privacy_request WHERE "
                        + "id = :id), :note, 'system', :at FROM consent.privacy_request_event WHERE request_id = :id")
                        .bind("id", requestId).bind("note", note).bind("at", Sql.ts(t.at())).then())
                .as(tx::transactional).thenReturn(t);
    }

    /** Every transmission of request {@code requestId}, oldest first. */
    public Flux<Transfer> of(UUID requestId) {
        return db.sql("SELECT * FROM consent.privacy_request_transfer WHERE request_id = :r ORDER BY at")
                .bind("r", requestId).map(r -> new Transfer(r.get("id", UUID.class),
                        r.get("controller_id", String.class), r.get("status", String.class),
                        r.get("reason", String.class), r.get("reference", String.class), Sql.instant(r, "at")))
                .all();
    }
}
