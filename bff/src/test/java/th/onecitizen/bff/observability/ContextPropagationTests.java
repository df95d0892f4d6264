package th.onecitizen.bff.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.junit.jupiter.api.Test;
import th.onecitizen.bff.support.ApplicationTest;

/** Only the observation is restored into thread-locals on every Reactor signal (see ObservabilityConfiguration). */
@ApplicationTest
class ContextPropagationTests {

    @Test
    void theObservationIsTheOnlyThreadLocalThatReactorRestores() {
        assertThat(ContextRegistry.getInstance().getThreadLocalAccessors()).extracting(ThreadLocalAccessor::key)
                .containsExactly(ObservationThreadLocalAccessor.KEY);
    }
}
