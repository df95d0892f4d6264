package th.onecitizen.consent.purpose;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The registered purposes and their versioned notices. */
public interface PurposeCatalog {

    /** Registers a new purpose with notice version 1; 409 when the id is taken, 422 when a rule is broken. */
    Mono<PublishedPurpose> register(String id, PurposeDraft draft);

    /** Publishes a revision as a new notice version; material changes make existing consents ask again. */
    Mono<PublishedPurpose> revise(String id, PurposeDraft draft);

    /** The purpose with its current notice, or empty. */
    Mono<PublishedPurpose> find(String id);

    /** One notice version, or empty. */
    Mono<Notice> notice(String purposeId, int version);

    /** Every purpose with its current notice, by id. */
    Flux<PublishedPurpose> all();

    /** At most {@code limit} purposes whose id sorts after {@code afterId} (all when null), by id. */
    Flux<PublishedPurpose> after(String afterId, int limit);

    /** How many purposes are registered. */
    reactor.core.publisher.Mono<Long> count();
}
