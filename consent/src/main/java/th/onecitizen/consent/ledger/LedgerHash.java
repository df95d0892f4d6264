package th.onecitizen.consent.ledger;

import java.time.temporal.ChronoUnit;
import java.util.TreeSet;
import th.onecitizen.consent.purpose.NoticeDocument;

/**
 * The hash of a ledger entry: SHA-256 over every field, each length-prefixed so that no two different entries can
 * serialise to the same text, chained to the predecessor's hash.
 */
public final class LedgerHash {

    private LedgerHash() {
    }

    /** The hash {@code e} must carry, computed from its fields and {@code e.prevHash()}. */
    public static String of(LedgerEntry e) {
        StringBuilder sb = new StringBuilder(512);
        field(sb, e.subjectRef());
        field(sb, Long.toString(e.seq()));
        field(sb, e.recordId().toString());
        field(sb, e.consentId().toString());
        field(sb, e.event());
        field(sb, e.purposeId());
        field(sb, Integer.toString(e.noticeVersion()));
        field(sb, e.textHash());
        field(sb, e.language());
        field(sb, String.join(",", new TreeSet<>(e.categories())));
        field(sb, e.actorRole());
        field(sb, e.authorityRef());
        field(sb, e.guardianRole());
        field(sb, e.guardianRef());
        field(sb, e.channel());
        field(sb, Integer.toString(e.steps()));
        field(sb, e.at().truncatedTo(ChronoUnit.MICROS).toString());
        field(sb, e.prevHash());
        return NoticeDocument.sha256(sb.toString());
    }

    private static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-|");
        } else {
            sb.append(value.length()).append(':').append(value).append('|');
        }
    }
}
