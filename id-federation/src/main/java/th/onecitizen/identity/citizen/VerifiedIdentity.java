package th.onecitizen.identity.citizen;

import java.util.Objects;
import th.onecitizen.identity.assurance.Assurance;
import th.onecitizen.platform.privacy.CitizenIds;

/**
 * The outcome of a successful upstream login: who the provider says the person is.
 *
 * @param provider   the provider name
 * @param subject    the provider's own subject for the person
 * @param citizenId  the 13-digit citizen ID the provider vouched for (checksum-valid)
 * @param verified   whether the provider verified the ID (not merely typed by the user)
 * @param assurance  the assurance of this login on the Thai scale
 * @param claims     what the provider asserted
 */
public record VerifiedIdentity(String provider, String subject, String citizenId, boolean verified,
        Assurance assurance, ProviderClaims claims) {

    public VerifiedIdentity {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(assurance, "assurance");
        if (!CitizenIds.isValid(citizenId)) {
            throw new IllegalArgumentException("The provider's citizen ID fails its checksum");
        }
    }

    @Override
    public String toString() {
        // never print the citizen ID
        return "VerifiedIdentity[provider=" + provider + ", assurance=" + assurance.acr() + "]";
    }
}
