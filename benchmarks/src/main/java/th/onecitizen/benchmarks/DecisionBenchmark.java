package th.onecitizen.benchmarks;

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
import org.openjdk.jmh.annotations.Warmup;
import th.onecitizen.consent.config.ConsentModule;
import th.onecitizen.consent.decision.Decision;
import th.onecitizen.consent.decision.DecisionRequest;

/**
 * Decision latency of the consent gate, end to end on the real PostgreSQL and Redis (the test infrastructure:
 * ONECITIZEN_TEST_DB / ONECITIZEN_TEST_REDIS_DB choose the database): cached (a version check in Redis, then the
 * local cache) against uncached (the evaluation query in PostgreSQL every time). Sample mode gives p50 and p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionBenchmark {

    private ConsentFixture fixture;
    private ConsentModule cached;
    private ConsentModule uncached;
    private DecisionRequest request;
    private DecisionRequest refused;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new ConsentFixture(4);
        cached = fixture.module(true);
        uncached = fixture.module(false);
        request = ConsentFixture.grantedRequest(cached);
        if (!(uncached.gate().decide(request).block() instanceof Decision.Allowed)) {
            throw new IllegalStateException("the benchmark's consent does not allow the decision");
        }
        // the same purpose for a citizen who never consented: refused, and written to the decision log (R19.1)
        refused = new DecisionRequest("bench-refused-" + java.util.UUID.randomUUID(), request.agencyId(),
                request.purposeId(), request.dataCategories());
        if (!(uncached.gate().decide(refused).block() instanceof Decision.Refused)) {
            throw new IllegalStateException("the benchmark's refused request is allowed");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    /** A decision answered from this instance's cache after the Redis version check. */
    @Benchmark
    public Decision cached() {
        return cached.gate().decide(request).block();
    }

    /** A decision evaluated in PostgreSQL every time (cache disabled). */
    @Benchmark
    public Decision uncached() {
        return uncached.gate().decide(request).block();
    }

    /** A refusal evaluated in PostgreSQL every time, then written to the decision log before it is answered. */
    @Benchmark
    public Decision uncachedRefused() {
        return uncached.gate().decide(refused).block();
    }
}
