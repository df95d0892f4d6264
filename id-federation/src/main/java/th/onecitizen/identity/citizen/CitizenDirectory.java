package th.onecitizen.identity.citizen;

import reactor.core.publisher.Mono;

/** The port other parts of the application use to read a citizen's profile. */
public interface CitizenDirectory {

    /** The citizen's profile, or empty when the opaque id is unknown. */
    Mono<CitizenProfile> profile(String citizenId);
}
