package th.onecitizen.consent.dsar;

import java.util.List;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.idempotency.IdempotencyStore;

/**
 * Erasure (s33) of the responses the consent API stores in Redis for Idempotency-Key replays: they hold the subject's
 * consent views and receipts. They would expire with their TTL; erasure does not wait for it. The erasure request's
 * own key is written again when the request's answer is stored (it answers a retry of that request).
 */
public final class StoredResponsesErasure implements ErasureContributor {

    private final IdempotencyStore idempotency;

    public StoredResponsesErasure(IdempotencyStore idempotency) {
        this.idempotency = idempotency;
    }

    @Override
    public Mono<ErasureReport> erase(String subjectRef) {
        return idempotency.forget(subjectRef).map(n -> new ErasureReport("consent (Redis)",
                List.of("stored responses of idempotent requests (" + n + ")"), List.of()));
    }
}
