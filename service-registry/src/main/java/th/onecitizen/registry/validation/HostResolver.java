package th.onecitizen.registry.validation;

import java.net.InetAddress;
import java.util.List;
import reactor.core.publisher.Mono;

/** Resolves a host name to every address it has (all records, not just the first). */
public interface HostResolver {

    /** Every address of the host; an error when it does not resolve. */
    Mono<List<InetAddress>> resolve(String host);
}
