package th.onecitizen.registry.validation;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.RegistryError;

/**
 * Decides whether OneCitizen may call a URL (SSRF defence, S-CN-01..05): HTTPS only (plain HTTP only for a sandbox
 * origin), no credentials in the URL, a real host name or a canonical public address, and every address the name
 * resolves to public. The same rules run at registration and, in the connector, again at connect time on the
 * address actually used.
 */
public final class TargetPolicy {

    private final HostResolver resolver;
    private final SandboxAllowList sandbox;

    public TargetPolicy(HostResolver resolver, SandboxAllowList sandbox) {
        this.resolver = resolver;
        this.sandbox = sandbox;
    }

    /** The syntax checks alone; throws a problem naming {@code field} when the URL is refused. */
    public Target parse(String field, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw refuse(RegistryError.TARGET_URL_INVALID, field, "is not a valid absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String authority = uri.getRawAuthority();
        if (!uri.isAbsolute() || authority == null || authority.isEmpty()) {
            throw refuse(RegistryError.TARGET_URL_INVALID, field, "is not an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null || authority.contains("@")) {
            throw refuse(RegistryError.TARGET_USERINFO_FORBIDDEN, field, "must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw refuse(RegistryError.TARGET_URL_INVALID, field, "must not have a fragment");
        }
        String host = hostOf(authority);
        int port = portOf(authority, scheme, field);
        boolean isSandbox = sandbox.allows(scheme, host, port);
        if (!"https".equals(scheme) && !("http".equals(scheme) && isSandbox)) {
            throw refuse(RegistryError.TARGET_SCHEME_FORBIDDEN, field, "must use https (scheme " + printable(scheme)
                    + " is refused)");
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw refuse(RegistryError.TARGET_HOST_INVALID, field, "has no host");
        }
        if (!isSandbox) {
            checkHostForm(field, host);
        }
        return new Target(scheme, host, port, isSandbox);
    }

    /** Syntax checks, then DNS: every address of the host must be public (unless the origin is a sandbox one). */
    public Mono<Target> check(String field, String url) {
        Target target;
        try {
            target = parse(field, url);
        } catch (ProblemException e) {
            return Mono.error(e);
        }
        if (target.sandbox() || AddressPolicy.parseLiteral(target.host()).isPresent()) {
            return Mono.just(target);
        }
        return resolver.resolve(target.host())
                .onErrorMap(e -> !(e instanceof ProblemException),
                        e -> refuse(RegistryError.TARGET_UNRESOLVABLE, field, "has a host that does not resolve"))
                .map(addresses -> {
                    checkAll(field, addresses);
                    return target;
                });
    }

    /** Refuses the list when any address is forbidden: one private record among public ones is enough. */
    public static void checkAll(String field, List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            throw refuse(RegistryError.TARGET_UNRESOLVABLE, field, "has a host without addresses");
        }
        for (InetAddress a : addresses) {
            Optional<String> reason = AddressPolicy.forbiddenReason(a);
            if (reason.isPresent()) {
                throw refuse(RegistryError.TARGET_ADDRESS_FORBIDDEN, field, "resolves to a " + reason.get());
            }
        }
    }

    private static void checkHostForm(String field, String host) {
        Optional<InetAddress> literal = AddressPolicy.parseLiteral(host);
        if (literal.isPresent()) {
            AddressPolicy.forbiddenReason(literal.get()).ifPresent(r -> {
                throw refuse(RegistryError.TARGET_ADDRESS_FORBIDDEN, field, "is a " + r);
            });
            if (host.indexOf(':') < 0 && !AddressPolicy.isCanonicalIpv4(host)) {
                throw refuse(RegistryError.TARGET_HOST_INVALID, field,
                        "uses a non-canonical IPv4 form; write dotted decimal");
            }
            return;
        }
        if (host.matches("(?i)[0-9a-fx.]+") && host.matches(".*\\.(?i)(0x[0-9a-f]*|[0-9]+)$|^[0-9]+$")) {
            // Looks numeric but is no address: a resolver might still read it as one.
            throw refuse(RegistryError.TARGET_HOST_INVALID, field, "is neither a host name nor a valid address");
        }
        if (!host.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*")
                || host.length() > 253) {
            throw refuse(RegistryError.TARGET_HOST_INVALID, field, "is not a valid DNS host name (use punycode)");
        }
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
                || host.endsWith(".internal")) {
            throw refuse(RegistryError.TARGET_ADDRESS_FORBIDDEN, field, "names a local host");
        }
    }

    private static String hostOf(String authority) {
        String a = authority.toLowerCase(Locale.ROOT);
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return end < 0 ? a : a.substring(1, end);
        }
        int colon = a.lastIndexOf(':');
        return colon < 0 ? a : a.substring(0, colon);
    }

    private static int portOf(String authority, String scheme, String field) {
        int bracket = authority.lastIndexOf(']');
        int colon = authority.lastIndexOf(':');
        if (colon > bracket && colon >= 0) {
            String p = authority.substring(colon + 1);
            if (p.isEmpty()) {
                return defaultPort(scheme);
            }
            if (!p.matches("[0-9]{1,5}") || Integer.parseInt(p) == 0 || Integer.parseInt(p) > 65535) {
                throw refuse(RegistryError.TARGET_URL_INVALID, field, "has an invalid port");
            }
            return Integer.parseInt(p);
        }
        return defaultPort(scheme);
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    private static ProblemException refuse(RegistryError code, String field, String why) {
        return new ProblemException(code, "The URL in " + field + " " + why, Map.of("field", field));
    }

    private static String printable(String s) {
        String cut = s.length() > 16 ? s.substring(0, 16) : s;
        return cut.replaceAll("[^a-z0-9+.-]", "?");
    }
}
