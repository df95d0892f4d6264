package th.onecitizen.consent.purpose;

import java.util.List;
import java.util.Set;
import th.onecitizen.consent.decision.LawfulBasis;

/**
 * A registered processing purpose: which categories go to which agency, why, on which basis, for how long.
 *
 * @param id                   the purpose id (what a decision binds to, R21.1)
 * @param agencyId             the agency that receives the data
 * @param operations           the registry operations mapped onto this purpose (opaque to consent)
 * @param basis                the one lawful basis (R24.1)
 * @param legalRef             the legal reference of a non-consent basis
 * @param approvedBy           who approved a non-consent basis
 * @param sensitiveException   the s26(1)-(5) exception relied on for sensitive data without consent
 * @param categories           the minimal data categories (R22.1)
 * @param recipients           recipient categories (s23)
 * @param retentionDays        how long the recipient keeps the data
 * @param crossBorder          transfer abroad (R28.1)
 * @param crossBorderCountry   the destination when data leaves Thailand
 * @param minorMayConsentAlone true when a minor of ten or more may consent alone (CCC ss22-24, R20.2)
 * @param requiredBy           {@code law}, {@code contract} or {@code none} (s23(2))
 * @param processors           processors acting for the controller (s40)
 * @param securityMeasures     the s37(1) measures, for the ROPA
 * @param noticeVersion        the current notice version
 */
public record Purpose(String id, String agencyId, List<String> operations, LawfulBasis basis, String legalRef,
        String approvedBy, String sensitiveException, Set<String> categories, List<String> recipients,
        int retentionDays, CrossBorder crossBorder, String crossBorderCountry, boolean minorMayConsentAlone,
        String requiredBy, List<String> processors, String securityMeasures, int noticeVersion) {

    public Purpose {
        operations = List.copyOf(operations);
        categories = Set.copyOf(categories);
        recipients = List.copyOf(recipients);
        processors = List.copyOf(processors);
    }

    /** True when any category of this purpose is sensitive (s26). */
    public boolean sensitive() {
        return DataCategories.anySensitive(categories);
    }
}
