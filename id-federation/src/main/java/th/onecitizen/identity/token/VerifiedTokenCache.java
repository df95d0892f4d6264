package th.onecitizen.identity.token;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A bounded cache of tokens that already passed verification, so that a token seen before costs a hash look-up
 * instead of an ECDSA verify. Entries die with their token's expiry and are dropped on revocation. When full, expired
 * entries go first, then arbitrary ones: a miss only costs one verify, so precise LRU is not worth its contention.
 */
final class VerifiedTokenCache {

    private final int maxSize;
    private final Map<String, VerifiedAccessToken> entries;

    VerifiedTokenCache(int maxSize) {
        if (maxSize < 0) {
            throw new IllegalArgumentException("maxSize must not be negative");
        }
        this.maxSize = maxSize;
        this.entries = new ConcurrentHashMap<>(Math.max(16, Math.min(maxSize, 1 << 16)));
    }

    VerifiedAccessToken get(String token, Instant now) {
        VerifiedAccessToken hit = entries.get(token);
        if (hit != null && !hit.expiresAt().isAfter(now)) {
            entries.remove(token, hit);
            return null;
        }
        return hit;
    }

    void put(String token, VerifiedAccessToken verified, Instant now) {
        if (maxSize == 0) {
            return;
        }
        if (entries.size() >= maxSize) {
            shrink(now);
        }
        entries.put(token, verified);
    }

    void removeIf(Predicate<VerifiedAccessToken> revoked) {
        entries.values().removeIf(revoked);
    }

    int size() {
        return entries.size();
    }

    private void shrink(Instant now) {
        entries.values().removeIf(v -> !v.expiresAt().isAfter(now));
        int excess = entries.size() - maxSize + Math.max(1, maxSize / 10);
        Iterator<String> it = entries.keySet().iterator();
        while (excess-- > 0 && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
