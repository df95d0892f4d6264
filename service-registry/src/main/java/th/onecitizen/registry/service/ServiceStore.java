package th.onecitizen.registry.service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where services and agencies are kept. Writes are serialised so that change sequences commit in order. */
public interface ServiceStore {

    /** The service with this id, in any state. */
    Mono<ServiceDefinition> find(String serviceId);

    /** An agency's services, in any state, ordered by id. */
    Flux<ServiceDefinition> findByAgency(String agencyId);

    /** Services changed after {@code changeSeq}, in change order (catalogue refresh). */
    Flux<ServiceDefinition> changedSince(long changeSeq);

    /** The highest change sequence committed. */
    Mono<Long> latestChange();

    /**
     * Writes a new version: inserts when {@code expectedVersion} is 0, else updates only if the stored version is
     * {@code expectedVersion}. Returns the stored definition with its new version and change sequence.
     */
    Mono<ServiceDefinition> write(String serviceId, String agencyId, int expectedVersion, ServiceStatus status,
            ServiceDefinition.ServiceContent content, String changedBy);

    /** The agency with this id. */
    Mono<Agency> findAgency(String agencyId);

    /** Every agency. */
    Flux<Agency> agencies();

    /** Inserts or renames an agency. */
    Mono<Agency> saveAgency(Agency agency);
}
