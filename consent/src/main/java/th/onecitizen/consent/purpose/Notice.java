package th.onecitizen.consent.purpose;

import java.time.Instant;

/**
 * One immutable version of a purpose's notice (s23), in Thai and English.
 *
 * @param purposeId       the purpose
 * @param version         the version, from 1
 * @param titleTh         the title in Thai
 * @param titleEn         the title in English
 * @param bodyTh          the plain-language text in Thai
 * @param bodyEn          the plain-language text in English
 * @param refusalEffectTh what happens if the citizen does not give the data or withdraws, in Thai
 * @param refusalEffectEn the same in English
 * @param hashTh          SHA-256 of the full Thai notice as shown (with every s23 field)
 * @param hashEn          SHA-256 of the full English notice as shown
 * @param material        true when this version changed something a consent relied on: consent is asked again
 * @param publishedAt     when it was published
 */
public record Notice(String purposeId, int version, String titleTh, String titleEn, String bodyTh, String bodyEn,
        String refusalEffectTh, String refusalEffectEn, String hashTh, String hashEn, boolean material,
        Instant publishedAt) {

    /** The text hash for a language ({@code th} or {@code en}). */
    public String hash(String language) {
        return "th".equals(language) ? hashTh : hashEn;
    }
}
