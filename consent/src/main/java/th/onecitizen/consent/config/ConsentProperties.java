package th.onecitizen.consent.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The consent module's settings ({@code onecitizen.consent}, in {@code config/consent.yml}).
 *
 * @param receiptSigningKey the private EC P-256 JWK (JSON) that signs consent receipts; its kid is published
 * @param receiptIssuer     the {@code iss} of receipts and the base of the withdraw link
 * @param controller        the data controller named in notices, receipts and the ROPA
 * @param permitTtl         how long a permit authorises a call after its decision
 * @param decisionCache     the decision cache
 * @param idempotencyTtl    how long an Idempotency-Key is remembered
 * @param outbox            the access-log outbox
 * @param retention         retention periods applied by the daily job
 * @param breachOfficeDeadline time from awareness to the notice to the PDPC office (s37(4): 72 hours)
 * @param indirectCollectionNoticeInterval how often data received without consent is checked for its notice (s25
 *                          allows 30 days; each check reads the last hour of the access log), 30 s when unset
 */
@Validated
@ConfigurationProperties("onecitizen.consent")
public record ConsentProperties(
        @NotBlank String receiptSigningKey,
        @NotBlank String receiptIssuer,
        @NotNull @Valid Controller controller,
        @NotNull Duration permitTtl,
        @NotNull @Valid DecisionCache decisionCache,
        @NotNull Duration idempotencyTtl,
        @NotNull @Valid Outbox outbox,
        @NotNull @Valid Retention retention,
        @NotNull Duration breachOfficeDeadline,
        Duration indirectCollectionNoticeInterval) {

    public ConsentProperties {
        indirectCollectionNoticeInterval = indirectCollectionNoticeInterval == null ? Duration.ofSeconds(30)
                : indirectCollectionNoticeInterval;
    }

    /**
     * The controller.
     *
     * @param name       the controller's legal name
     * @param contact    the controller's contact (address, e-mail)
     * @param dpoContact the data protection officer's contact (s41), shown in every notice
     */
    public record Controller(@NotBlank String name, @NotBlank String contact, @NotBlank String dpoContact) {
    }

    /**
     * The decision cache: local per instance, validated against a version in Redis on every use.
     *
     * @param enabled    false answers every decision from PostgreSQL
     * @param ttl        the longest a cached decision is kept (it also bounds age changes at a birthday)
     * @param maxEntries the local cache is cleared when it grows past this
     * @param invalidationChannel the Redis pub/sub channel that evicts entries on every instance
     */
    public record DecisionCache(boolean enabled, @NotNull Duration ttl, @Min(1) int maxEntries,
            @NotBlank String invalidationChannel) {
    }

    /**
     * The access-log outbox.
     *
     * @param drainInterval how often committed disclosures are moved to the access log
     * @param batchSize     how many at a time
     * @param maxBackoff    the longest wait before a failed move is retried
     */
    public record Outbox(@NotNull Duration drainInterval, @Min(1) int batchSize, @NotNull Duration maxBackoff) {
    }

    /**
     * Retention periods (s37(3)).
     *
     * @param accessLog      how long access-log entries are kept (audit trail)
     * @param notifications  how long in-app notifications are kept
     * @param closedRequests how long closed privacy requests keep their free-text details before anonymisation
     * @param cron           when the job runs (daily)
     */
    public record Retention(@NotNull Duration accessLog, @NotNull Duration notifications,
            @NotNull Duration closedRequests, @NotBlank String cron) {
    }
}
