package th.onecitizen.consent.dsar;

import reactor.core.publisher.Mono;

/**
 * A source of data about a subject for an access or portability export (s30, s31). Consent contributes its own
 * records; the bff adds contributors adapting identity (profile, linked identities) and agencies' answers.
 */
public interface ExportContributor {

    /** The export section's name, e.g. {@code consents} or {@code profile}. */
    String section();

    /** The section's content for the subject: JSON-serialisable maps, lists and scalars. */
    Mono<Object> contribute(String subjectRef);

    /** The section for the subject's request {@code requestId}; contributors that reach agencies need the request. */
    default Mono<Object> contribute(String subjectRef, java.util.UUID requestId) {
        return contribute(subjectRef);
    }
}
