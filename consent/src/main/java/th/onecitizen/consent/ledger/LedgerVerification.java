package th.onecitizen.consent.ledger;

/**
 * The outcome of re-checking a subject's ledger chain.
 *
 * @param valid     true when every entry's hash, sequence and link hold and the head matches the last entry
 * @param entries   how many entries were checked
 * @param brokenSeq the first sequence number where the chain fails (0 when valid)
 * @param reason    what failed, or {@code null}
 * @param headHash  the hash of the last entry, which receipts also carry
 */
public record LedgerVerification(boolean valid, int entries, long brokenSeq, String reason, String headHash) {
}
