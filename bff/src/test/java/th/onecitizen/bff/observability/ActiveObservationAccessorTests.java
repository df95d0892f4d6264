package th.onecitizen.bff.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.context.ThreadLocalAccessor;
import io.micrometer.observation.NullObservation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.util.context.Context;

/**
 * What Reactor's automatic propagation does on every signal, with Micrometer's accessor and with ours: restoring
 * three nested operators whose context holds no observation, on a thread that has one.
 */
class ActiveObservationAccessorTests {

    private final ObservationRegistry registry = ObservationRegistry.create();
    private final AtomicInteger scopesOpened = new AtomicInteger();

    ActiveObservationAccessorTests() {
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onScopeOpened(Observation.Context context) {
                scopesOpened.incrementAndGet();
            }
        });
    }

    /** Scopes opened by three nested clears; checks that each restore puts back what was there. */
    private int nestedClears(ThreadLocalAccessor<Observation> accessor) {
        ContextSnapshotFactory factory = ContextSnapshotFactory.builder().clearMissing(true)
                .contextRegistry(new ContextRegistry().loadContextAccessors().registerThreadLocalAccessor(accessor))
                .build();
        Observation request = Observation.start("request", registry);
        try (Observation.Scope outer = request.openScope()) {
            scopesOpened.set(0);
            try (ContextSnapshot.Scope a = factory.setThreadLocalsFrom(Context.empty())) {
                try (ContextSnapshot.Scope b = factory.setThreadLocalsFrom(Context.empty())) {
                    try (ContextSnapshot.Scope c = factory.setThreadLocalsFrom(Context.empty())) {
                        assertThat(registry.getCurrentObservation()).isInstanceOf(NullObservation.class);
                    }
                    // an operator whose context holds the observation sets it and restores the cleared state
                    try (ContextSnapshot.Scope d = factory.setThreadLocalsFrom(
                            Context.of(ObservationThreadLocalAccessor.KEY, request))) {
                        assertThat(registry.getCurrentObservation()).isSameAs(request);
                    }
                    assertThat(registry.getCurrentObservation()).isInstanceOf(NullObservation.class);
                }
            }
            assertThat(registry.getCurrentObservation()).isSameAs(request);
            return scopesOpened.get();
        } finally {
            request.stop();
            assertThat(registry.getCurrentObservation()).isNull();
        }
    }

    @Test
    void nestedClearsOfAThreadWithoutARealObservationOpenNoFurtherScopes() {
        // the first clear opens the NullObservation scope, the re-set opens the request's: two, not four
        assertThat(nestedClears(new ActiveObservationAccessor())).isEqualTo(2);
    }

    @Test
    void micrometersOwnAccessorOpensANullObservationScopeForEveryNestedClear() {
        assertThat(nestedClears(new ObservationThreadLocalAccessor())).isEqualTo(4);
    }
}
