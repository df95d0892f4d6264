package th.onecitizen.benchmarks;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import th.onecitizen.consent.config.ConsentModule;
import th.onecitizen.consent.decision.Decision;
import th.onecitizen.consent.decision.Disclosure;
import th.onecitizen.consent.decision.Permit;

/**
 * Access-log throughput on the real PostgreSQL: appends of a share to the durable outbox by eight concurrent callers
 * (what every agency call pays), and the drainer moving the outbox into the partitioned access log (which must keep
 * up for the rate to be sustained). Each iteration ends with the outbox drained, so the two rates are comparable.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 5)
@Fork(1)
public class AccessLogBenchmark {

    private ConsentFixture fixture;
    private ConsentModule consent;
    private Permit permit;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new ConsentFixture(16);
        consent = fixture.module(true);
        permit = ((Decision.Allowed) consent.gate().decide(ConsentFixture.grantedRequest(consent)).block()).permit();
    }

    /** Empties the outbox after each iteration, so every iteration starts alike and the drain rate is seen. */
    @TearDown(Level.Iteration)
    public void drainOutbox() {
        long start = System.nanoTime();
        long moved = consent.drainer().drain().block();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%n    drained %d records into the access log in %.2f s (%.0f records/s)%n", moved,
                seconds, moved / Math.max(seconds, 1e-9));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    /** One share appended to the durable outbox, as the connector does after every agency call. */
    @Benchmark
    @Threads(8)
    public void append() {
        consent.disclosureLog().record(permit, new Disclosure("bench.service", "summary", Set.of("address"),
                Instant.now(), null, "ok")).block();
    }
}
