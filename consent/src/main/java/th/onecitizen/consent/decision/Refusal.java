package th.onecitizen.consent.decision;

/**
 * Why a share is refused, as a stable snake_case code the API returns in problem details
 * ({@code consent_required}, {@code consent_withdrawn}, {@code purpose_mismatch},
 * {@code sensitive_data_basis_missing}, {@code processing_restricted}, {@code minor_requires_guardian}, ...).
 *
 * @param code      the stable reason code
 * @param detail    an explanation for the citizen or the developer, without personal data
 * @param purposeId the purpose to ask the citizen about, when asking would help (else null)
 */
public record Refusal(String code, String detail, String purposeId) {
}
