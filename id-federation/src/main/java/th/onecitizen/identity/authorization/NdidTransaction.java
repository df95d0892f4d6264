package th.onecitizen.identity.authorization;

import java.util.Set;

/**
 * A decoupled login through NDID, in Redis. The citizen ID is kept sealed (AES-GCM), never in clear.
 *
 * @param id             the transaction id (also the CIBA auth_req_id)
 * @param clientId       the client that started it
 * @param request        the app's authorization request (redirect flow), or null for CIBA
 * @param scopes         scopes granted on success (CIBA)
 * @param sealedCid      the sealed citizen ID, base64
 * @param referenceId    our reference id at NDID
 * @param requestId      NDID's request id, once known
 * @param status         {@code pending}, {@code completed} or {@code failed}
 * @param error          the OAuth error when failed
 * @param citizenId      the opaque citizen id when completed
 * @param acr            the assurance reached when completed
 * @param authTime       epoch seconds of completion
 * @param expiresAt      epoch seconds after which the login expired
 * @param lastPoll       epoch millis of the client's last token poll (CIBA)
 */
public record NdidTransaction(String id, String clientId, AuthorizationRequest request, Set<String> scopes,
        String sealedCid, String referenceId, String requestId, String status, String error, String citizenId,
        String acr, long authTime, long expiresAt, long lastPoll) {

    NdidTransaction withRequestId(String requestId) {
        return new NdidTransaction(id, clientId, request, scopes, sealedCid, referenceId, requestId, status, error,
                citizenId, acr, authTime, expiresAt, lastPoll);
    }

    NdidTransaction completed(String citizenId, String acr, long authTime) {
        return new NdidTransaction(id, clientId, request, scopes, sealedCid, referenceId, requestId, "completed",
                null, citizenId, acr, authTime, expiresAt, lastPoll);
    }

    NdidTransaction failed(String error) {
        return new NdidTransaction(id, clientId, request, scopes, sealedCid, referenceId, requestId, "failed", error,
                citizenId, acr, authTime, expiresAt, lastPoll);
    }

    NdidTransaction polled(long at) {
        return new NdidTransaction(id, clientId, request, scopes, sealedCid, referenceId, requestId, status, error,
                citizenId, acr, authTime, expiresAt, at);
    }

    @Override
    public String toString() {
        return "NdidTransaction[id=" + id + ", status=" + status + "]";
    }
}
