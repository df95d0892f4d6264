package th.onecitizen.consent.decision;

import reactor.core.publisher.Mono;

/**
 * Where connectors record every share made under a permit. The append is durable (an outbox retries a failed
 * write) and does not slow the call down.
 */
public interface DisclosureLog {

    /** Records a share made under {@code permit}; completes once it is durably queued. */
    Mono<Void> record(Permit permit, Disclosure disclosure);
}
