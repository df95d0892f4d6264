package th.onecitizen.testkit;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The one documented allowlist of blocking calls that BlockHound tolerates on non-blocking threads in every test
 * JVM. Each entry says why it is acceptable; anything not listed here fails the test that triggers it.
 */
public final class OneCitizenBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // Seeding and reading SecureRandom reads /dev/urandom, which never blocks after boot on Linux.
        builder.allowBlockingCallsInside("java.security.SecureRandom", "nextBytes");
        builder.allowBlockingCallsInside("java.security.SecureRandom", "generateSeed");
        builder.allowBlockingCallsInside("java.util.UUID", "randomUUID");
        // Class loading and resource reads happen once, when a class or template is first used.
        builder.allowBlockingCallsInside("java.lang.ClassLoader", "loadClass");
        builder.allowBlockingCallsInside("java.util.ServiceLoader$LazyClassPathLookupIterator", "hasNext");
        // A resource bundle (e.g. validation messages) is read from its jar once per name and locale, then cached
        // by the JDK for the life of the process.
        builder.allowBlockingCallsInside("java.util.ResourceBundle", "getBundleImpl");
        // OpenTelemetry hands each finished span to its batch processor through a bounded queue whose lock guards only
        // an enqueue or dequeue (never I/O); the rare contention with the exporter thread parks for microseconds.
        builder.allowBlockingCallsInside("io.opentelemetry.sdk.trace.export.BatchSpanProcessor$Worker", "addSpan");
        // Lettuce serialises writers of its one shared connection with a lock that guards a writer count (no I/O);
        // when a test thread and an event loop write at the same moment, the event loop parks for microseconds.
        // Failing there corrupts the connection's writer count, and every later Redis command of the context hangs.
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters");
        // Spring Data Redis hands out its one shared reactive connection (created eagerly at start-up) from behind
        // the factory's lock, taken on every command; two event loops asking at the same moment meet there for
        // microseconds (seen as a 500 from bc-authorize in S-AB-02 under BlockHound). Only the getter is allowed: the
        // connection's own lazy connect, which would do I/O, is not.
        builder.allowBlockingCallsInside(
                "org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
                "getOrCreateSharedReactiveConnection");
        // Jackson builds a type's deserializer once under a lock, then serves it from its cache; two requests that
        // first decode the same type at the same moment contend once.
        builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
                "_createAndCacheValueDeserializer");
        // Netty's adaptive buffer allocator, when an event loop finds its magazines contended, adds magazines and
        // frees the old one's chunk under a StampedLock held for a pointer swap (no I/O); two event loops reading
        // large bodies at the same moment (a streamed CSV, say) meet there for microseconds.
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
                "tryExpandMagazines");
        // The test log guard appends under a lock held for nanoseconds.
        builder.allowBlockingCallsInside("th.onecitizen.testkit.CitizenIdLeakAppender", "append");
        // Logback's console appender writes under its own lock; production logs through an AsyncAppender.
        builder.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes");
        builder.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "subAppend");
    }
}
