package th.onecitizen.bff.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;
import th.onecitizen.registry.validation.AddressPolicy;
import th.onecitizen.registry.validation.HostResolver;
import th.onecitizen.registry.validation.SystemHostResolver;

/**
 * The DNS of application tests: the operating system's resolver, except for names a test points somewhere itself
 * (and may repoint between registration and call, as a rebinding attacker would). Both the registry's validation and
 * the connectors' connect-time egress check resolve through it. Imported by {@link ApplicationTest}.
 */
@Primary
public final class TestDns implements HostResolver {

    private final HostResolver system = new SystemHostResolver(Duration.ofSeconds(5));
    private final Map<String, List<String>> records = new ConcurrentHashMap<>();

    /** From now on {@code host} resolves to exactly {@code addresses} (IP literals). */
    public void point(String host, String... addresses) {
        records.put(host, List.of(addresses));
    }

    @Override
    public Mono<List<InetAddress>> resolve(String host) {
        List<String> answer = records.get(host);
        if (answer == null) {
            return system.resolve(host);
        }
        // IP literals only: parsed, never looked up
        List<InetAddress> out = answer.stream().map(a -> AddressPolicy.parseLiteral(a).orElseThrow(
                () -> new IllegalArgumentException("Not an IP literal: " + a))).toList();
        return out.isEmpty() ? Mono.error(new UnknownHostException(host)) : Mono.just(out);
    }
}
