package th.onecitizen.consent.decision;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** This instance's cache of evaluated grounds, per subject; each entry carries the decision version it was made at. */
final class LocalDecisionCache {

    private final Map<String, Map<String, Entry>> bySubject = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int maxEntries;

    LocalDecisionCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    Entry get(String subjectRef, String key) {
        Map<String, Entry> m = bySubject.get(subjectRef);
        return m == null ? null : m.get(key);
    }

    void put(String subjectRef, String key, Entry entry) {
        if (size.incrementAndGet() > maxEntries) {
            // crude but bounded: a full cache starts again rather than grow without limit
            bySubject.clear();
            size.set(1);
        }
        bySubject.computeIfAbsent(subjectRef, s -> new ConcurrentHashMap<>()).put(key, entry);
    }

    void evict(String subjectRef) {
        Map<String, Entry> removed = bySubject.remove(subjectRef);
        if (removed != null) {
            size.addAndGet(-removed.size());
        }
    }

    /** Drops every entry about a purpose, for every subject (keys are {@code agency|purpose|categories}). */
    void evictPurpose(String purposeId) {
        String infix = "|" + purposeId + "|";
        bySubject.values().forEach(m -> m.keySet().removeIf(k -> {
            boolean hit = k.contains(infix);
            if (hit) {
                size.decrementAndGet();
            }
            return hit;
        }));
    }

    /**
     * A cached evaluation: valid while {@code version} is the subject's current version, {@code purposeRevision}
     * the purpose's current revision, and before expiry.
     */
    record Entry(long version, long purposeRevision, Grounds grounds, Instant expiresAt) {
    }
}
