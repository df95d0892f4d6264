package th.onecitizen.platform.privacy;

import reactor.core.publisher.Mono;

/**
 * Per-subject data keys (crypto-shredding, PDPA s33): what is sealed for a subject opens only while the subject's
 * key exists; {@link #destroy} makes every copy unreadable, the copies in backups included. Every ciphertext is
 * bound (AES-GCM additional data) to where it lives and whose it is: {@code context} names the table and column
 * ({@code identity.citizens.cid_sealed}), so a ciphertext moved to another row or column fails to open. A port of
 * the shared kernel so that any module can seal with it; identity implements it (its key store, {@code keyvault}).
 */
public interface SubjectKeys {

    /** The version prefix of every value sealed through this port ({@code SK1.}: AES-256-GCM, 12-byte nonce). */
    String PREFIX = "SK1.";

    /**
     * Creates the subject's data key (one database round trip); a no-op when the subject already has one or was
     * erased (an erased subject never gets a key again).
     */
    Mono<Void> create(String subject);

    /**
     * Seals {@code plaintext} under the subject's data key, creating the key if the subject has none yet; errors with
     * {@link SubjectKeyUnavailableException} for an erased subject (even one erased while this seal runs), whose
     * data must not become readable again under a new key.
     */
    Mono<byte[]> seal(String subject, String context, byte[] plaintext);

    /**
     * Opens what {@link #seal} produced.
     *
     * @return the plaintext; errors with {@link SubjectKeyUnavailableException} when the subject's key is gone
     *         (destroyed by erasure) and with {@link IllegalArgumentException} when the ciphertext was tampered with
     *         or belongs to another subject or context
     */
    Mono<byte[]> open(String subject, String context, byte[] sealed);

    /** Destroys the subject's data key and journals the erasure; true when a key existed. */
    Mono<Boolean> destroy(String subject);

    /** Whether {@code value} is in this port's format (versioned prefix), as opposed to an older way of sealing. */
    static boolean isSealed(byte[] value) {
        if (value == null || value.length < PREFIX.length() + 12 + 16) {
            return false;
        }
        for (int i = 0; i < PREFIX.length(); i++) {
            if (value[i] != PREFIX.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
