package th.onecitizen.registry.validation;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The operating system's resolver. {@code getAllByName} blocks, so it runs on the bounded-elastic scheduler, never
 * on an event-loop thread, and is cut off after a few seconds.
 */
public final class SystemHostResolver implements HostResolver {

    private final Duration timeout;

    public SystemHostResolver(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Mono<List<InetAddress>> resolve(String host) {
        return Mono.fromCallable(() -> List.of(InetAddress.getAllByName(host)))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout);
    }
}
