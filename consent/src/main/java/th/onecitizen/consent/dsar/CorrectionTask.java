package th.onecitizen.consent.dsar;

import java.time.Instant;
import java.util.List;

/**
 * A correction to deliver to one agency that received the subject's data (s35, R35.1).
 *
 * @param agencyId    the agency
 * @param status      {@code pending} while being delivered (retried with backoff), then {@code delivered}, or
 *                    {@code undeliverable} (the agency takes no corrections, refused it, or every retry failed),
 *                    with the reason in {@code lastError}
 * @param createdAt   when the rectification was fulfilled
 * @param deliveredAt when the agency acknowledged it, or null
 * @param categories  the categories the agency received, which the correction concerns
 * @param attempts    delivery attempts so far
 * @param lastError   why the last attempt failed, or why it cannot be delivered
 * @param reference   the agency's reference for the correction, once delivered
 */
public record CorrectionTask(String agencyId, String status, Instant createdAt, Instant deliveredAt,
        List<String> categories, int attempts, String lastError, String reference) {
}
