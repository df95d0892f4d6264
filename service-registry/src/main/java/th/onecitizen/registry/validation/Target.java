package th.onecitizen.registry.validation;

/**
 * An outbound URL after syntax checks: scheme, normalised host and effective port.
 *
 * @param scheme  {@code https} (or {@code http} for a sandbox origin)
 * @param host    the host, lowercase, without a trailing dot or brackets
 * @param port    the effective port
 * @param sandbox true when the origin is on the sandbox allow-list
 */
public record Target(String scheme, String host, int port, boolean sandbox) {
}
