package th.onecitizen.consent.breach;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A personal-data breach (s37(4)) and the state of its 72-hour clock.
 *
 * @param id                 the breach
 * @param detectedAt         when it was detected
 * @param awareAt            when the controller became aware (the clock starts here, R37.3)
 * @param type               confidentiality, integrity or availability
 * @param affectedCount      how many data subjects
 * @param recordCount        how many records
 * @param categories         data categories affected
 * @param riskLevel          none, risk or high
 * @param riskAssessment     the retained assessment
 * @param description        the nature of the breach
 * @param consequences       likely consequences
 * @param measures           measures taken or proposed
 * @param remediesTh         what citizens can do, in Thai
 * @param remediesEn         what citizens can do, in English
 * @param officeDue          aware_at + 72 hours
 * @param notifiedOfficeAt   when the PDPC office was notified
 * @param delayReason        why the notice was late
 * @param subjectsNotifiedAt when affected citizens were notified
 * @param officeOverdue      true when the office must be notified and the deadline has passed without it
 * @param outerLimit         aware_at + 15 days: the latest a late notice may reach the office (the PDPC's
 *                           clarification)
 * @param beyondOuterLimit   true when the office must be notified and the notice came, or is still missing, after
 *                           the outer limit
 */
public record Breach(UUID id, Instant detectedAt, Instant awareAt, String type, int affectedCount, int recordCount,
        List<String> categories, String riskLevel, String riskAssessment, String description, String consequences,
        String measures, String remediesTh, String remediesEn, Instant officeDue, Instant notifiedOfficeAt,
        String delayReason, Instant subjectsNotifiedAt, boolean officeOverdue, Instant outerLimit,
        boolean beyondOuterLimit) {
}
