package th.onecitizen.bff.observability;

import io.micrometer.observation.NullObservation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;

/**
 * Micrometer's observation accessor, except that a thread whose current observation is the {@link NullObservation}
 * that a cleared scope leaves behind counts as having none.
 *
 * <p>Why: with automatic context propagation, every Reactor operator that restores thread-locals and finds no
 * observation in its context clears the thread's. Micrometer clears by opening a scope of a new
 * {@code NullObservation}, and counts that as a current observation, so the next such operator on the same stack
 * opens another one, and so on through every statement of a transaction and every Redis command of a request whose
 * observation is parked ({@code ParkedObservation}) or absent. Seen as the largest single source of allocation during
 * logins (BENCHMARKS.md). With this accessor the first clear on a stack opens the {@code NullObservation} scope and
 * the nested ones find nothing to clear. Setting a real observation on top of it, and restoring, work as before.
 */
final class ActiveObservationAccessor extends ObservationThreadLocalAccessor {

    @Override
    public Observation getValue() {
        Observation current = super.getValue();
        return current instanceof NullObservation ? null : current;
    }

    /** Clears the thread's observation, unless it has no real one (then there is nothing to clear). */
    @Override
    public void setValue() {
        if (getValue() != null) {
            super.setValue();
        }
    }

    /**
     * Undoes a clear or a set that found no real observation: a set opened a scope of a real observation, which
     * closes; a clear opened nothing (above), so nothing closes.
     */
    @Override
    public void restore() {
        if (getValue() != null) {
            super.restore();
        }
    }
}
