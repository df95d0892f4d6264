package th.onecitizen.consent.dsar;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import reactor.core.publisher.Mono;
import th.onecitizen.platform.privacy.SubjectKeyUnavailableException;
import th.onecitizen.platform.privacy.SubjectKeys;

/**
 * A subject's free text at rest (privacy-request details, a representative's proof reference, the DPO's notes), sealed with the subject's data key when the application
 * provides {@link SubjectKeys} (the bff does, from identity): erasure destroys the key, so the text in backups no
 * longer opens (crypto-shredding, PDPA s33). Stored as {@code sk:} + base64url; text stored before (or without keys)
 * is read as it is. Text whose key is gone reads as absent, like text anonymised by retention.
 */
public final class SealedText {

    private static final String PREFIX = "sk:";
    private final SubjectKeys keys;
    private final String context;

    /**
     * @param keys    the subject keys, or null to store plain text (module tests without identity)
     * @param context the table and column, bound into the ciphertext ({@code consent.privacy_request.details})
     */
    public SealedText(SubjectKeys keys, String context) {
        this.keys = keys;
        this.context = context;
    }

    /** The same keys for another table and column. */
    public SealedText withContext(String otherContext) {
        return new SealedText(keys, otherContext);
    }

    /** The value to store for {@code text} (empty for no text). */
    public Mono<String> seal(String subjectRef, String text) {
        if (text == null) {
            return Mono.empty();
        }
        if (keys == null) {
            return Mono.just(text);
        }
        return keys.seal(subjectRef, context, text.getBytes(StandardCharsets.UTF_8))
                .map(b -> PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }

    /** The text of a stored value: empty when there is none or the subject's key is gone. */
    public Mono<Optional<String>> open(String subjectRef, String stored) {
        if (stored == null) {
            return Mono.just(Optional.empty());
        }
        if (keys == null || !stored.startsWith(PREFIX)) {
            return Mono.just(Optional.of(stored));
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Mono.just(Optional.of(stored));
        }
        if (!SubjectKeys.isSealed(sealed)) {
            return Mono.just(Optional.of(stored));
        }
        return keys.open(subjectRef, context, sealed).map(b -> Optional.of(new String(b, StandardCharsets.UTF_8)))
                .onErrorResume(SubjectKeyUnavailableException.class, e -> Mono.just(Optional.empty()));
    }
}
