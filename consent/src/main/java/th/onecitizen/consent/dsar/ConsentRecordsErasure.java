package th.onecitizen.consent.dsar;

import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Erasure of what the consent module holds (s33): notifications go; the consent ledger, receipts and access log
 * stay, because they are the controller's proof of consent and audit trail of transfers (s19, s37(1), s39).
 */
public final class ConsentRecordsErasure implements ErasureContributor {

    private final DatabaseClient db;

    public ConsentRecordsErasure(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<ErasureReport> erase(String subjectRef) {
        return db.sql("DELETE FROM consent.notification WHERE subject_ref = :s").bind("s", subjectRef).fetch()
                .rowsUpdated()
                .map(n -> new ErasureReport("consent", List.of("notifications (" + n + ")"), List.of(
                        "consent ledger and receipts: proof of consent and withdrawal (s19, s39)",
                        "access log: audit trail of transfers (s37(1), s39), until its retention ends",
                        "decision log: refused shares (s19, s37(1)), until the access log's retention ends")));
    }
}
