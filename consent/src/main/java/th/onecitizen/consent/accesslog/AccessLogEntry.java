package th.onecitizen.consent.accesslog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One share of a citizen's data, as shown in their access log (s27, s39).
 *
 * @param id          the entry id
 * @param occurredAt  when the share happened
 * @param agencyId    the recipient agency
 * @param serviceId   the service called
 * @param operationId the operation
 * @param purposeId   the purpose
 * @param basis       the lawful basis
 * @param categories  the data categories that flowed
 * @param decisionId  the decision (permit) it ran under
 * @param traceId     the trace id of the call
 * @param outcome     {@code ok}, {@code failed}, ...
 */
public record AccessLogEntry(UUID id, Instant occurredAt, String agencyId, String serviceId, String operationId,
        String purposeId, String basis, List<String> categories, String decisionId, String traceId, String outcome) {
}
