package th.onecitizen.registry.validation;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Origins ({@code scheme://host:port}) of sandbox agencies, which may use plain HTTP and loopback addresses. Empty in
 * production; the demo adds the local mock agencies. Matching is exact: another port on the same host is not
 * allowed.
 */
public final class SandboxAllowList {

    private final Set<String> origins = ConcurrentHashMap.newKeySet();

    public SandboxAllowList(Collection<String> configured) {
        configured.forEach(this::add);
    }

    /** Allows one more origin (the demo's mock agencies, once their port is known). */
    public void add(String origin) {
        java.net.URI u = java.net.URI.create(origin.trim());
        origins.add(key(u.getScheme(), u.getHost(), u.getPort()));
    }

    /** True when the origin is a sandbox one. */
    public boolean allows(String scheme, String host, int port) {
        return !origins.isEmpty() && origins.contains(key(scheme, host, port));
    }

    private static String key(String scheme, String host, int port) {
        String s = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        int p = port > 0 ? port : "https".equals(s) ? 443 : 80;
        return s + "://" + (host == null ? "" : host.toLowerCase(Locale.ROOT)) + ":" + p;
    }
}
