package th.onecitizen.platform.work;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Background work repeated at a fixed interval while the application runs (an outbox drainer, a delivery loop, a
 * notice job): one round at a time (a round that outlasts the interval skips the ticks it missed), and a failed
 * round is logged and retried at the next tick, never ending the loop. Subclasses say what one round does.
 */
public abstract class RepeatingWork implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RepeatingWork.class);

    private final String name;
    private final Duration first;
    private final Duration interval;
    private volatile Disposable running;

    /**
     * @param name     what the work is, for the log line of a failed round
     * @param interval the time between the starts of two rounds
     */
    protected RepeatingWork(String name, Duration interval) {
        this(name, interval, interval);
    }

    /**
     * @param name     what the work is, for the log line of a failed round
     * @param first    the time from start to the first round ({@link Duration#ZERO}: at once)
     * @param interval the time between the starts of two rounds
     */
    protected RepeatingWork(String name, Duration first, Duration interval) {
        this.name = name;
        this.first = first;
        this.interval = interval;
    }

    /** One round of the work; its value is ignored. */
    protected abstract Mono<?> round();

    @Override
    public void start() {
        running = Flux.interval(first, interval)
                .onBackpressureDrop()
                .concatMap(tick -> round().onErrorResume(e -> {
                    log.warn("{} failed, will retry: {}", name, e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
