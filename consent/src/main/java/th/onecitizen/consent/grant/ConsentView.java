package th.onecitizen.consent.grant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A consent as the citizen sees it, with what withdrawing it would mean (R19.6).
 *
 * @param consentId        the consent
 * @param purposeId        its purpose
 * @param agencyId         the agency the data goes to
 * @param titleTh          the purpose's title (Thai)
 * @param titleEn          the purpose's title (English)
 * @param noticeVersion    the notice version consented to
 * @param language         the language it was shown in
 * @param state            {@code given} or {@code withdrawn}
 * @param categories       the data categories covered
 * @param actorRole        who consented
 * @param grantedAt        when it was given
 * @param withdrawnAt      when it was withdrawn, or null
 * @param renewalRequired  true when the notice changed materially since
 * @param withdrawalEffectTh what withdrawing means, in Thai
 * @param withdrawalEffectEn what withdrawing means, in English
 */
public record ConsentView(UUID consentId, String purposeId, String agencyId, String titleTh, String titleEn,
        int noticeVersion, String language, String state, List<String> categories, String actorRole,
        Instant grantedAt, Instant withdrawnAt, boolean renewalRequired, String withdrawalEffectTh,
        String withdrawalEffectEn) {
}
