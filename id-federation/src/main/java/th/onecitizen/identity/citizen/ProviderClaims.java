package th.onecitizen.identity.citizen;

import java.time.LocalDate;

/**
 * What one provider asserted about the citizen at a login; any field may be null when not asserted.
 *
 * @param nameTh    full name in Thai
 * @param nameEn    full name in English
 * @param birthDate birth date (Gregorian)
 */
public record ProviderClaims(String nameTh, String nameEn, LocalDate birthDate) {
}
