package th.onecitizen.consent.purpose;

import java.util.List;
import java.util.Set;

/**
 * What an operator submits to register or revise a purpose and publish its notice. Validated by
 * {@link PurposeRules} before anything is stored.
 *
 * @param agencyId             the recipient agency
 * @param operations           registry operation ids mapped onto the purpose
 * @param basis                the lawful basis code
 * @param legalRef             legal reference (required unless basis is consent)
 * @param approvedBy           approver (required unless basis is consent)
 * @param sensitiveException   s26 exception code, when sensitive data flows without consent
 * @param categories           the minimal data categories
 * @param recipients           recipient categories
 * @param retentionDays        retention at the recipient
 * @param crossBorder          cross-border mode code
 * @param crossBorderCountry   destination country, when abroad
 * @param minorMayConsentAlone whether a minor of ten or more may consent alone
 * @param requiredBy           {@code law}, {@code contract} or {@code none}
 * @param processors           processors
 * @param securityMeasures     security measures
 * @param titleTh              notice title (Thai)
 * @param titleEn              notice title (English)
 * @param bodyTh               notice text (Thai)
 * @param bodyEn               notice text (English)
 * @param refusalEffectTh      effect of refusing or withdrawing (Thai)
 * @param refusalEffectEn      effect of refusing or withdrawing (English)
 * @param material             for a revision: whether the operator declares the change material
 */
public record PurposeDraft(String agencyId, List<String> operations, String basis, String legalRef,
        String approvedBy, String sensitiveException, Set<String> categories, List<String> recipients,
        int retentionDays, String crossBorder, String crossBorderCountry, boolean minorMayConsentAlone,
        String requiredBy, List<String> processors, String securityMeasures, String titleTh, String titleEn,
        String bodyTh, String bodyEn, String refusalEffectTh, String refusalEffectEn, boolean material) {
}
