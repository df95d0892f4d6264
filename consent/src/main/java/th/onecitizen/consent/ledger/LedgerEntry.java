package th.onecitizen.consent.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event in a subject's consent ledger. {@code hash} covers every other field and {@code prevHash}, so an edit
 * or deletion anywhere in the chain is detected.
 *
 * @param subjectRef    the citizen's opaque id
 * @param seq           position in the subject's ledger, from 1
 * @param recordId      this event's id
 * @param consentId     the consent the event belongs to
 * @param event         {@code granted} or {@code withdrawn}
 * @param purposeId     the purpose
 * @param noticeVersion the notice version shown
 * @param textHash      SHA-256 of the notice as shown
 * @param language      {@code th} or {@code en}
 * @param categories    the categories covered
 * @param actorRole     {@code self}, {@code parent}, {@code custodian} or {@code curator}
 * @param authorityRef  proof of the actor's authority, when not self
 * @param guardianRole  the co-consenting guardian's role, for a minor (R20.2)
 * @param guardianRef   the guardian's proof of authority
 * @param channel       where the act happened ({@code app}, ...)
 * @param steps         how many steps the act took (R19.5: a withdrawal takes no more than the grant)
 * @param at            when it was committed
 * @param prevHash      the predecessor's hash (64 zeros for the first)
 * @param hash          this event's hash
 */
public record LedgerEntry(String subjectRef, long seq, UUID recordId, UUID consentId, String event,
        String purposeId, int noticeVersion, String textHash, String language, List<String> categories,
        String actorRole, String authorityRef, String guardianRole, String guardianRef, String channel, int steps,
        Instant at, String prevHash, String hash) {

    /** The hash of the first entry's (absent) predecessor. */
    public static final String GENESIS = "0".repeat(64);

    public LedgerEntry {
        categories = List.copyOf(categories);
    }
}
