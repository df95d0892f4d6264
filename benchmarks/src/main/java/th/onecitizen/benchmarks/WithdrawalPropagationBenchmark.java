package th.onecitizen.benchmarks;

import java.util.Set;
import java.util.UUID;
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
import th.onecitizen.consent.grant.ConsentChange;
import th.onecitizen.consent.grant.GrantCommand;

/**
 * Withdrawal propagation between two instances that share PostgreSQL and Redis, each with its own decision cache:
 * instance B has just cached an allowed decision; instance A commits a withdrawal; the time until B refuses. Each
 * measured operation is the withdrawal on A followed by B's first decision after it, so the propagation time is at
 * most the figure shown; the operation fails if B's first decision still allows (a stale permit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 5)
@Fork(1)
public class WithdrawalPropagationBenchmark {

    private ConsentFixture fixture;
    private ConsentModule instanceA;
    private ConsentModule instanceB;
    private String purpose;
    private DecisionRequest request;
    private ConsentChange granted;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new ConsentFixture(8);
        instanceA = fixture.module(true);
        instanceB = fixture.module(true);
        purpose = ConsentFixture.grantedRequest(instanceA).purposeId();
    }

    /** A fresh citizen grants on A, and B caches an allowed decision for them. */
    @Setup(Level.Invocation)
    public void grantAndWarmTheOtherInstance() {
        String subject = "bench-" + UUID.randomUUID();
        granted = instanceA.consents().grant(new GrantCommand(subject, purpose, 1, "en", true, "self", null, null,
                null, "app")).block();
        request = new DecisionRequest(subject, "agency-bench", purpose, Set.of("address"));
        if (!(instanceB.gate().decide(request).block() instanceof Decision.Allowed)) {
            throw new IllegalStateException("instance B should allow before the withdrawal");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    /** Withdraw on A, then decide on B: the decision must already refuse. */
    @Benchmark
    public Decision withdrawOnAThenDecideOnB() {
        instanceA.consents().withdraw(request.subjectRef(), granted.consent().consentId(), "app").block();
        Decision onB = instanceB.gate().decide(request).block();
        if (!(onB instanceof Decision.Refused)) {
            throw new IllegalStateException("stale permit: instance B still allowed after the withdrawal committed");
        }
        return onB;
    }
}
