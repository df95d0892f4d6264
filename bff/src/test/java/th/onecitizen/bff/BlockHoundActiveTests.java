package th.onecitizen.bff;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** BlockHound is installed in every test JVM: a blocking call on a non-blocking thread fails. */
class BlockHoundActiveTests {

    @Test
    void blockingCallWhenOnParallelSchedulerThenBlockingOperationError() {
        Mono<Object> blocking = Mono.delay(Duration.ofMillis(1)).publishOn(Schedulers.parallel())
                .map(x -> {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return x;
                });
        StepVerifier.create(blocking).expectError(BlockingOperationError.class).verify(Duration.ofSeconds(5));
    }
}
