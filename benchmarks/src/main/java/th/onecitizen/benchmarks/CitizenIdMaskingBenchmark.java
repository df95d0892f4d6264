package th.onecitizen.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import th.onecitizen.platform.privacy.CitizenIds;

/**
 * The log guard runs on every log line: its cost on a typical line without an ID (the common case, which must not
 * allocate) and on a line with one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CitizenIdMaskingBenchmark {

    private final String plain = "2026-11-26T01:23:47.370Z  INFO 10133 --- [onecitizen] [ctor-http-epoll-2] "
            + "[38c4ddffcc42e6d6b96629cab284ee71-f576a6eed8882ad7] t.o.bff.web.Handler : request 1764112345678 ok";
    private final String withId = "2026-11-26T01:23:47.370Z  INFO 10133 --- [onecitizen] [ctor-http-epoll-2] "
            + "[38c4ddffcc42e6d6b96629cab284ee71-f576a6eed8882ad7] t.o.bff.web.Handler : lookup 1101700230708 ok";

    @Benchmark
    public String maskLineWithoutId() {
        return CitizenIds.mask(plain);
    }

    @Benchmark
    public String maskLineWithId() {
        return CitizenIds.mask(withId);
    }

    @Benchmark
    public boolean validateId() {
        return CitizenIds.isValid("1101700230708");
    }
}
