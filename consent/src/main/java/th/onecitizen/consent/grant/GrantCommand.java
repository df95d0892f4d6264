package th.onecitizen.consent.grant;

/**
 * A citizen's explicit act of consent for one purpose, as shown in one notice version and language.
 *
 * @param subjectRef    the citizen's opaque id (from the access token, never from the body)
 * @param purposeId     the one purpose of this choice (R19.3)
 * @param noticeVersion the notice version the citizen was shown
 * @param language      {@code th} or {@code en}
 * @param explicitAct   true only when the citizen ticked an unticked control themselves (R19.2)
 * @param actorRole     self, parent, custodian or curator
 * @param authorityRef  proof of authority when the actor is not the citizen
 * @param guardianRole  the co-consenting guardian's role for a minor, or null
 * @param guardianRef   the guardian's proof of authority, or null
 * @param channel       the channel ({@code app})
 */
public record GrantCommand(String subjectRef, String purposeId, int noticeVersion, String language,
        boolean explicitAct, String actorRole, String authorityRef, String guardianRole, String guardianRef,
        String channel) {
}
