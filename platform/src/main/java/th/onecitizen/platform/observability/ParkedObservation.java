package th.onecitizen.platform.observability;

import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Keeps a request's observation out of Reactor's automatic thread-local propagation for a stretch of work that
 * neither logs nor calls out, and hands it back where it is needed.
 *
 * <p>With {@code spring.reactor.context-propagation: auto}, every signal of every operator whose Reactor context
 * holds the observation opens its scope and closes it again (the trace and span ids into the MDC and out). On a
 * login that is about a tenth of the CPU, spent on steps that write no log line and make no remote call.
 * {@link #park} moves the observation to a private key of the context; {@link #unpark} moves it back for an inner
 * publisher: an outbound call, so that its client span stays a child of the request's span and carries its trace
 * id upstream, or a log line, so that it names the trace. Use both with {@code contextWrite}: the outer one parks
 * for the whole use case, the inner one unparks for one call.
 */
public final class ParkedObservation {

    /** Where a parked observation waits. */
    static final String PARKED_KEY = "th.onecitizen.parked-observation";

    private ParkedObservation() {
    }

    /** The context without the observation's propagated key; the observation kept under a private key. */
    public static Context park(Context context) {
        Object observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        return observation == null ? context
                : context.delete(ObservationThreadLocalAccessor.KEY).put(PARKED_KEY, observation);
    }

    /** The context with a parked observation back under its propagated key (unchanged when none is parked). */
    public static Context unpark(Context context) {
        Object observation = context.getOrDefault(PARKED_KEY, null);
        return observation == null ? context
                : context.delete(PARKED_KEY).put(ObservationThreadLocalAccessor.KEY, observation);
    }

    /** Runs {@code logLine} with the request's trace in the MDC, parked or not: for log lines in parked work. */
    public static Mono<Void> traced(Runnable logLine) {
        return Mono.fromRunnable(logLine).contextWrite(ParkedObservation::unpark).then();
    }
}
