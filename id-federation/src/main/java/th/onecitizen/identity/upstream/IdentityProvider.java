package th.onecitizen.identity.upstream;

import java.net.URI;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.assurance.Assurance;
import th.onecitizen.identity.citizen.VerifiedIdentity;

/** The SPI every redirect-based upstream provider adapter implements. */
public interface IdentityProvider {

    /** The provider's name as used in {@code idp_hint} ({@code thaid}, {@code mophid}, {@code paotang}). */
    String name();

    /** The highest assurance a login through this provider can reach (routing by {@code acr_values}). */
    Assurance maxAssurance();

    /** Where to send the browser to log in. */
    URI authorizationUri(UpstreamLogin login);

    /**
     * Redeems the code the provider sent to our callback and validates everything it returns.
     *
     * @return the verified identity, or an {@link UpstreamException} error
     */
    Mono<VerifiedIdentity> redeem(String code, UpstreamLogin login);
}
