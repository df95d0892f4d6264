package th.onecitizen.consent.collection;

import reactor.core.publisher.Mono;

/** The Thai and English names of an agency, for notices to citizens; the bff adapts the registry's agencies. */
public interface AgencyNames {

    /** The agency's names, or empty when it is unknown (the notice then names its id). */
    Mono<Name> find(String agencyId);

    /**
     * An agency's names.
     *
     * @param th Thai
     * @param en English
     */
    record Name(String th, String en) {
    }

    /** Names no agency: notices fall back to the agency id. */
    static AgencyNames none() {
        return agencyId -> Mono.empty();
    }
}
