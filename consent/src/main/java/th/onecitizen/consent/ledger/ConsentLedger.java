package th.onecitizen.consent.ledger;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The per-subject, hash-chained, append-only consent ledger. */
public interface ConsentLedger {

    /**
     * Appends an entry after the subject's head, computing its sequence, link and hash. Must run inside the use
     * case's transaction: it locks the subject's state row, so appends for one subject are serialised.
     *
     * @param draft the entry; its {@code seq}, {@code prevHash} and {@code hash} are ignored
     * @return the stored entry and the subject's new decision version
     */
    Mono<Appended> append(LedgerEntry draft);

    /** Every entry of the subject, in order. */
    Flux<LedgerEntry> entries(String subjectRef);

    /** Re-checks the subject's whole chain. */
    Mono<LedgerVerification> verify(String subjectRef);

    /**
     * An appended entry.
     *
     * @param entry   the entry as stored
     * @param version the subject's decision version after the append
     */
    record Appended(LedgerEntry entry, long version) {
    }
}
