package th.onecitizen.bff.consent;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.idempotency.IdempotencyStore;
import th.onecitizen.consent.purpose.NoticeDocument;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a citizen's state-changing call once per Idempotency-Key: a retry of the same request answers the stored
 * JSON body, the same key with another request is refused (422), a retry while the first runs gets 409.
 */
@Component
public final class IdempotentResponses {

    private final IdempotencyStore store;
    private final JsonMapper json;

    public IdempotentResponses(IdempotencyStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /**
     * The body of {@code action}, run at most once for (subject, key).
     *
     * @param subject the calling citizen
     * @param key     the Idempotency-Key header
     * @param request what identifies the request (method, path, body): its hash is the fingerprint
     * @param action  the use case; its result is serialised as the response body
     */
    public Mono<Map<String, Object>> once(String subject, String key, String request, Mono<?> action) {
        String fingerprint = NoticeDocument.sha256(request);
        return store.once(subject, key, fingerprint, action.map(json::writeValueAsString))
                .map(body -> json.readValue(body.getBytes(StandardCharsets.UTF_8), Map.class))
                .map(IdempotentResponses::typed);
    }

    /** Serialises a request body for the fingerprint, with the API's naming. */
    public String fingerprintOf(Object body) {
        return json.writeValueAsString(body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> typed(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
