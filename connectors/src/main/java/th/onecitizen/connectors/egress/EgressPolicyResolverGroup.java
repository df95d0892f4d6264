package th.onecitizen.connectors.egress;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;
import th.onecitizen.registry.validation.AddressPolicy;
import th.onecitizen.registry.validation.HostResolver;
import th.onecitizen.registry.validation.SandboxAllowList;

/**
 * The only way the connector HTTP client turns a host into an address (S-CN-05): every address the name has is
 * checked at connect time (one private record among public ones refuses the call), and the connection goes to the
 * very address that was checked, so DNS rebinding between the check and the connect is impossible. Addresses that
 * arrive already resolved (IP literals) are checked too. Sandbox origins skip the check.
 */
public final class EgressPolicyResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final HostResolver dns;
    private final SandboxAllowList sandbox;

    public EgressPolicyResolverGroup(HostResolver dns, SandboxAllowList sandbox) {
        this.dns = dns;
        this.sandbox = sandbox;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new AbstractAddressResolver<>(executor, InetSocketAddress.class) {
            @Override
            protected boolean doIsResolved(InetSocketAddress address) {
                return false; // even an IP literal goes through doResolve, so that it is checked
            }

            @Override
            protected void doResolve(InetSocketAddress address, Promise<InetSocketAddress> promise) {
                checked(address).subscribe(promise::trySuccess, promise::tryFailure);
            }

            @Override
            protected void doResolveAll(InetSocketAddress address, Promise<List<InetSocketAddress>> promise) {
                checked(address).map(List::of).subscribe(promise::trySuccess, promise::tryFailure);
            }
        };
    }

    /** The one address to connect to, after every address of the host passed the policy. */
    Mono<InetSocketAddress> checked(InetSocketAddress address) {
        String host = address.getHostString();
        int port = address.getPort();
        boolean sandboxed = sandbox.allows("http", host, port) || sandbox.allows("https", host, port);
        if (!address.isUnresolved()) {
            return sandboxed ? Mono.just(address) : verdict(List.of(address.getAddress()), port);
        }
        Optional<InetAddress> literal = AddressPolicy.parseLiteral(host);
        Mono<List<InetAddress>> addresses = literal.isPresent() ? Mono.just(List.of(literal.get())) : dns.resolve(host);
        return addresses.flatMap(all -> sandboxed ? Mono.just(new InetSocketAddress(all.get(0), port))
                : verdict(all, port));
    }

    private static Mono<InetSocketAddress> verdict(List<InetAddress> all, int port) {
        if (all.isEmpty()) {
            return Mono.error(new ForbiddenTargetException("the host has no address"));
        }
        for (InetAddress a : all) {
            Optional<String> reason = AddressPolicy.forbiddenReason(a);
            if (reason.isPresent()) {
                return Mono.error(new ForbiddenTargetException("the host resolves to a " + reason.get()));
            }
        }
        return Mono.just(new InetSocketAddress(all.get(0), port));
    }

    /** The target resolved, at connect time, to an address the platform must not call. */
    public static final class ForbiddenTargetException extends java.net.UnknownHostException {

        private static final long serialVersionUID = 1L;

        ForbiddenTargetException(String why) {
            super("Refused at connect time: " + why);
        }
    }
}
