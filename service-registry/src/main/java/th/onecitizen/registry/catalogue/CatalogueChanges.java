package th.onecitizen.registry.catalogue;

import reactor.core.publisher.Mono;

/** Tells every instance that the registry changed, so that each catalogue shows a change at once. */
public interface CatalogueChanges {

    /** Announces that changes up to {@code changeSeq} are committed. */
    Mono<Void> announce(long changeSeq);

    /** The highest change announced; empty when nothing was ever announced or the announcement is unreadable. */
    Mono<Long> latest();
}
