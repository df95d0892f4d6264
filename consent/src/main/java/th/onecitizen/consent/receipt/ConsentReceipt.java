package th.onecitizen.consent.receipt;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed consent receipt (JWS, compact form), reissued on every state change of a consent.
 *
 * @param receiptId the receipt's id
 * @param consentId the consent it describes
 * @param state     the consent's state it attests ({@code given} or {@code withdrawn})
 * @param jws       the compact JWS the citizen keeps
 * @param issuedAt  when it was signed
 */
public record ConsentReceipt(UUID receiptId, UUID consentId, String state, String jws, Instant issuedAt) {
}
