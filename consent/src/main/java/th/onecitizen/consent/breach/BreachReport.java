package th.onecitizen.consent.breach;

import java.time.Instant;
import java.util.List;

/**
 * What the DPO records about a breach.
 *
 * @param detectedAt       when detected
 * @param awareAt          when the controller became aware
 * @param type             confidentiality, integrity or availability
 * @param recordCount      how many records
 * @param categories       data categories affected
 * @param riskLevel        none, risk or high
 * @param riskAssessment   the assessment (kept even when no risk is found)
 * @param description      the nature of the breach
 * @param consequences     likely consequences
 * @param measures         measures
 * @param remediesTh       remedies for citizens (Thai)
 * @param remediesEn       remedies for citizens (English)
 * @param affectedSubjects the affected citizens' opaque ids (the bff resolves them)
 */
public record BreachReport(Instant detectedAt, Instant awareAt, String type, int recordCount,
        List<String> categories, String riskLevel, String riskAssessment, String description, String consequences,
        String measures, String remediesTh, String remediesEn, List<String> affectedSubjects) {
}
