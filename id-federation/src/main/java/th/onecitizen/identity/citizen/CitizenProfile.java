package th.onecitizen.identity.citizen;

import java.time.LocalDate;
import java.util.List;

/**
 * A citizen as the providers asserted them.
 *
 * @param citizenId     the opaque citizen id (token subject)
 * @param nameTh        display name in Thai (from the most assured provider that gave one), or null
 * @param nameEn        display name in English, or null
 * @param birthDate     verified birth date, or null when no provider asserted one
 * @param maskedCitizenId the citizen ID with all but the last digit masked, for display
 * @param sources       what each linked provider asserted
 */
public record CitizenProfile(String citizenId, String nameTh, String nameEn, LocalDate birthDate,
        String maskedCitizenId, List<Source> sources) {

    /**
     * One provider's assertion.
     *
     * @param provider    the provider
     * @param ial         the IAL of its last login
     * @param aal         the AAL of its last login
     * @param claims      what it asserted
     * @param linkedAt    when it was linked (ISO-8601)
     * @param lastLoginAt its last login (ISO-8601)
     * @param subject     the provider's own subject for the person (sealed at rest), or null for a link last
     *                    written before it was kept (its next login adds it)
     */
    public record Source(String provider, String ial, String aal, ProviderClaims claims, String linkedAt,
            String lastLoginAt, String subject) {
    }
}
