package th.onecitizen.connectors.call;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Remembers the first result of a non-idempotent call per Idempotency-Key, across instances. */
public interface IdempotencyStore {

    /** The state of a key after trying to claim it. */
    sealed interface Claim permits Claimed, InProgress, Completed, Mismatch {
    }

    /** This caller owns the key and must run the call. */
    record Claimed() implements Claim {
    }

    /** Another request with the key is running. */
    record InProgress() implements Claim {
    }

    /** The key's first call finished with this result. */
    record Completed(JsonNode data) implements Claim {
    }

    /** The key was used with a different request. */
    record Mismatch() implements Claim {
    }

    /** Claims {@code key} for a request with {@code fingerprint}, or reports what the key already holds. */
    Mono<Claim> claim(String key, String fingerprint);

    /** Stores the first result. */
    Mono<Void> complete(String key, String fingerprint, JsonNode data);

    /** Releases a claim whose call failed, so that the client may retry with the same key. */
    Mono<Void> release(String key);
}
