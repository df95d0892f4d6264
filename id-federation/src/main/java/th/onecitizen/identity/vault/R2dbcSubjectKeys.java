package th.onecitizen.identity.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.key.KeyMaterial;
import th.onecitizen.platform.privacy.SubjectKeyUnavailableException;
import th.onecitizen.platform.privacy.SubjectKeys;

/**
 * {@link SubjectKeys} in the {@code keyvault} schema: each subject's AES-256 data key is stored wrapped (AES-256-GCM,
 * bound to the subject) by the key-encryption key of configuration. Unwrapped keys are cached per instance, briefly
 * and bounded (a login then costs no key-store round trip); {@link #destroy} evicts at once on this instance, other
 * instances forget theirs within {@code cacheTtl}. Expired keys leave memory within a second {@code cacheTtl}: every
 * {@code cacheTtl}, the next key remembered sweeps out the expired ones (not only when the cache is full, which at
 * a hundred new citizens a second took a quarter of an hour and kept every key of it on the heap).
 *
 * <p>Format of a sealed value: the 4-byte version prefix {@code SK1.}, a 12-byte random nonce, the AES-GCM ciphertext
 * and tag; the additional data is {@code context|subject}.
 */
public final class R2dbcSubjectKeys implements SubjectKeys {

    private static final byte[] PREFIX = SubjectKeys.PREFIX.getBytes(StandardCharsets.US_ASCII);
    private static final short KEK_VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * A lock per subject (a transaction-scoped advisory lock, held to the end of the transaction, or of the statement
     * outside one), taken by a key's creation and by the erasure's journal entry: an erasure then waits for a
     * creation inside a longer transaction to commit, so that its delete sees the key.
     */
    private static final String SUBJECT_LOCK =
            "pg_advisory_xact_lock(hashtextextended('keyvault:' || :s, 0)) AS subject_lock";

    private final DatabaseClient db;
    private final SecretKeySpec kek;
    private final Clock clock;
    private final Duration cacheTtl;
    private final int cacheSize;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** When the next key remembered sweeps the expired ones out. */
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

    private record Cached(SecretKeySpec key, Instant expiresAt) {
    }

    /**
     * @param kekMaterial base64url key-encryption key material of at least 32 bytes (reduced to 256 bits by SHA-256)
     * @param cacheTtl    how long an unwrapped data key stays in memory
     * @param cacheSize   how many unwrapped data keys an instance holds at most (0 disables the cache)
     */
    public R2dbcSubjectKeys(DatabaseClient db, String kekMaterial, Clock clock, Duration cacheTtl, int cacheSize) {
        this.db = db;
        this.kek = new SecretKeySpec(KeyMaterial.derive(kekMaterial, "kek", "Subject key-encryption key"), "AES");
        this.clock = clock;
        this.cacheTtl = cacheTtl;
        this.cacheSize = cacheSize;
    }

    @Override
    public Mono<Void> create(String subject) {
        return insertUnlessErased(subject).doOnNext(key -> remember(subject, key)).then();
    }

    /**
     * Inserts a new wrapped data key unless the subject has one or was erased; emits the key when it was inserted.
     * The erasure journal is checked in the same statement, so that no key is created after an erasure has been
     * journaled (a creation that started before it is caught by {@link #createUnlessErased}).
     */
    private Mono<SecretKeySpec> insertUnlessErased(String subject) {
        return Mono.defer(() -> {
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, kek, wrapAad(subject), raw, null);
            return db.sql("INSERT INTO keyvault.subject_keys (subject_ref, kek_version, wrapped) SELECT :s, :v, :w "
                    + "FROM " + SUBJECT_LOCK + " WHERE NOT EXISTS "
                    + "(SELECT 1 FROM keyvault.erasures WHERE subject_ref = :s) "
                    + "ON CONFLICT (subject_ref) DO NOTHING").bind("s", subject).bind("v", KEK_VERSION)
                    .bind("w", wrapped).fetch().rowsUpdated()
                    .flatMap(n -> n == 1 ? Mono.just(new SecretKeySpec(raw, "AES")) : Mono.empty());
        });
    }

    /**
     * The data key of a subject that has none yet (sealed before per-subject keys): created, unless the subject was
     * erased, even by an erasure racing this creation. Empty for an erased subject; the key another instance created
     * meanwhile when this one's insert found it.
     *
     * <p>Why the second statement closes the race at PostgreSQL's default isolation (each statement sees what was
     * committed when it started): {@link #destroy} journals the erasure, then deletes the key. If the journal entry
     * was committed when the check below started, the check deletes the new key. If not, the key (committed before
     * the check started) was committed before the journal entry, so destroy's delete, which starts after its journal
     * entry, deletes it. Either way no key of an erased subject survives. Inside a longer transaction (a login
     * re-sealing a citizen ID of a row that predates per-subject keys) the key commits only with the transaction:
     * the {@link #SUBJECT_LOCK} the creation holds until then makes the erasure's journal entry wait for it, so the
     * erasure's delete sees the committed key.
     */
    private Mono<SecretKeySpec> createUnlessErased(String subject) {
        return insertUnlessErased(subject)
                .flatMap(key -> db.sql("DELETE FROM keyvault.subject_keys k WHERE k.subject_ref = :s AND EXISTS "
                        + "(SELECT 1 FROM keyvault.erasures e WHERE e.subject_ref = :s)").bind("s", subject)
                        .fetch().rowsUpdated()
                        .filter(erased -> erased == 0)
                        .map(kept -> {
                            remember(subject, key);
                            return key;
                        }))
                // not inserted (another instance's key, loaded) or deleted again (erased: nothing to load)
                .switchIfEmpty(key(subject));
    }

    @Override
    public Mono<byte[]> seal(String subject, String context, byte[] plaintext) {
        return key(subject).switchIfEmpty(createUnlessErased(subject))
                .switchIfEmpty(Mono.error(SubjectKeyUnavailableException::new))
                .map(key -> {
                    byte[] iv = new byte[12];
                    RANDOM.nextBytes(iv);
                    byte[] ct = gcm(Cipher.ENCRYPT_MODE, key, aad(context, subject), plaintext, iv);
                    return ByteBuffer.allocate(PREFIX.length + iv.length + ct.length).put(PREFIX).put(iv).put(ct)
                            .array();
                });
    }

    @Override
    public Mono<byte[]> open(String subject, String context, byte[] sealed) {
        if (!SubjectKeys.isSealed(sealed)) {
            return Mono.error(new IllegalArgumentException("Not sealed by a subject key"));
        }
        return key(subject).switchIfEmpty(Mono.error(SubjectKeyUnavailableException::new)).map(key -> {
            byte[] iv = java.util.Arrays.copyOfRange(sealed, PREFIX.length, PREFIX.length + 12);
            byte[] ct = java.util.Arrays.copyOfRange(sealed, PREFIX.length + 12, sealed.length);
            return gcm(Cipher.DECRYPT_MODE, key, aad(context, subject), ct, iv);
        });
    }

    @Override
    public Mono<Boolean> destroy(String subject) {
        return Mono.defer(() -> {
            cache.remove(subject);
            return db.sql("INSERT INTO keyvault.erasures (subject_ref) SELECT :s FROM " + SUBJECT_LOCK
                    + " ON CONFLICT (subject_ref) "
                    + "DO UPDATE SET erased_at = now()").bind("s", subject).then()
                    .then(db.sql("DELETE FROM keyvault.subject_keys WHERE subject_ref = :s").bind("s", subject)
                            .fetch().rowsUpdated())
                    .map(n -> n > 0)
                    // a seal racing with the destruction may have cached the key again
                    .doFinally(s -> cache.remove(subject));
        });
    }

    private Mono<SecretKeySpec> key(String subject) {
        return Mono.defer(() -> cachedOrLoaded(subject));
    }

    private Mono<SecretKeySpec> cachedOrLoaded(String subject) {
        Cached hit = cache.get(subject);
        Instant now = clock.instant();
        if (hit != null) {
            if (hit.expiresAt().isAfter(now)) {
                return Mono.just(hit.key());
            }
            cache.remove(subject, hit);
        }
        return db.sql("SELECT wrapped FROM keyvault.subject_keys WHERE subject_ref = :s").bind("s", subject)
                .map(r -> r.get("wrapped", byte[].class)).one()
                .map(wrapped -> {
                    SecretKeySpec key = new SecretKeySpec(gcm(Cipher.DECRYPT_MODE, kek, wrapAad(subject), wrapped,
                            null), "AES");
                    remember(subject, key);
                    return key;
                });
    }

    /** How many unwrapped keys this instance holds now. */
    int cachedKeys() {
        return cache.size();
    }

    private void remember(String subject, SecretKeySpec key) {
        if (cacheSize == 0) {
            return;
        }
        Instant now = clock.instant();
        Instant sweep = nextSweep.get();
        if (!now.isBefore(sweep) && nextSweep.compareAndSet(sweep, now.plus(cacheTtl))) {
            cache.values().removeIf(c -> !c.expiresAt().isAfter(now));
        }
        if (cache.size() >= cacheSize) {
            cache.values().removeIf(c -> !c.expiresAt().isAfter(now));
            Iterator<String> it = cache.keySet().iterator();
            while (cache.size() >= cacheSize && it.hasNext()) {
                it.next();
                it.remove();
            }
        }
        cache.put(subject, new Cached(key, now.plus(cacheTtl)));
    }

    private static byte[] aad(String context, String subject) {
        return (context + "|" + subject).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] wrapAad(String subject) {
        return aad("keyvault.subject_keys.wrapped", subject);
    }

    /** AES-256-GCM; with {@code iv == null} the nonce is random and prepended (encrypt) or read from the input. */
    private static byte[] gcm(int mode, SecretKeySpec key, byte[] aad, byte[] input, byte[] iv) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            if (iv == null && mode == Cipher.ENCRYPT_MODE) {
                byte[] nonce = new byte[12];
                RANDOM.nextBytes(nonce);
                c.init(mode, key, new GCMParameterSpec(128, nonce));
                c.updateAAD(aad);
                byte[] ct = c.doFinal(input);
                return ByteBuffer.allocate(12 + ct.length).put(nonce).put(ct).array();
            }
            if (iv == null) {
                if (input.length < 12 + 16) {
                    throw new IllegalArgumentException("Wrapped key is malformed");
                }
                c.init(mode, key, new GCMParameterSpec(128, input, 0, 12));
                c.updateAAD(aad);
                return c.doFinal(input, 12, input.length - 12);
            }
            c.init(mode, key, new GCMParameterSpec(128, iv));
            c.updateAAD(aad);
            return c.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("Sealed value failed authentication");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
