package th.onecitizen.bff.oauth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.authorization.GuessingThrottle;
import th.onecitizen.identity.authorization.OAuthException;
import th.onecitizen.platform.observability.ParkedObservation;

/**
 * The back channel's guard against guessing (S-AB-01), shared by the token and CIBA endpoints: refuses confidential
 * callers that failed too often before they try, counts failures that look like guessing, and answers 503 when Redis
 * cannot count.
 */
@Component
final class GuessingGate {

    private static final Logger log = LoggerFactory.getLogger(GuessingGate.class);

    private static final OAuthException UNCOUNTABLE = new OAuthException("temporarily_unavailable",
            "Try again shortly", 503, 5);

    private static final Set<String> GUESSES = Set.of("invalid_client", "invalid_grant");

    private final GuessingThrottle throttle;

    GuessingGate(GuessingThrottle throttle) {
        this.throttle = throttle;
    }

    /**
     * The unit guessing is counted in: the remote address (forwarded headers are not trusted) and the client the
     * caller claims to be, so one noisy client does not lock out every app behind the same address.
     */
    static String caller(ServerWebExchange exchange, Map<String, String> form) {
        var remote = exchange.getRequest().getRemoteAddress();
        String ip = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        String claimed = form.get("client_id");
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                claimed = decoded.substring(0, Math.max(0, decoded.indexOf(':')));
            } catch (IllegalArgumentException e) {
                claimed = "malformed";
            }
        }
        String client = claimed == null ? "-" : claimed.length() > 100 ? claimed.substring(0, 100) : claimed;
        return ip + ":" + client;
    }

    /** A request that authenticates no client (no Authorization header, no assertion): a public client's. */
    static boolean publicClient(HttpHeaders h, Map<String, String> form) {
        return h.getFirst(HttpHeaders.AUTHORIZATION) == null && !form.containsKey("client_assertion");
    }

    /**
     * Runs {@code call} under the throttle. A public client's failures are counted after the fact and only failures
     * are refused (see {@link GuessingThrottle}): a valid code or refresh token costs no Redis call.
     */
    <T> Mono<T> throttled(String caller, boolean publicClient, Mono<T> call) {
        if (publicClient) {
            return call.onErrorResume(OAuthException.class, e -> GUESSES.contains(e.error())
                    ? throttle.failedPublic(caller).onErrorResume(x -> !(x instanceof OAuthException),
                            GuessingGate::uncountable)
                            .flatMap(Mono::<T>error).then(Mono.<T>error(e))
                    : Mono.error(e));
        }
        return throttle.admit(caller)
                .onErrorResume(e -> !(e instanceof OAuthException), GuessingGate::uncountable)
                .then(call)
                .onErrorResume(OAuthException.class, e -> GUESSES.contains(e.error())
                        ? throttle.failed(caller).onErrorResume(x -> Mono.empty()).then(Mono.error(e))
                        : Mono.error(e));
    }

    /** Fails closed when the throttle cannot count, and says why in the log (the cause, never a secret). */
    private static <T> Mono<T> uncountable(Throwable cause) {
        return ParkedObservation.traced(() -> log.warn(
                "Back-channel request refused: the guessing throttle cannot count ({})", cause.toString()))
                .then(Mono.error(UNCOUNTABLE));
    }
}
