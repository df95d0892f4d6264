package th.onecitizen.consent.dsar;

import java.time.Instant;

/**
 * A correction to deliver to one agency that received the subject's data (s35, R35.1).
 *
 * @param agencyId    the agency
 * @param status      {@code pending} until the connector runtime delivers it, then {@code delivered}
 * @param createdAt   when the rectification was fulfilled
 * @param deliveredAt when the agency acknowledged it, or null
 */
public record CorrectionTask(String agencyId, String status, Instant createdAt, Instant deliveredAt) {
}
