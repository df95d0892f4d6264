package th.onecitizen.registry.onboarding;

import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.RegistryError;
import th.onecitizen.registry.service.ServiceDefinition;
import th.onecitizen.registry.service.ServiceStatus;
import th.onecitizen.registry.service.ServiceStore;
import th.onecitizen.registry.catalogue.CatalogueChanges;

/**
 * What platform operators do: approve (pending or suspended -> active), suspend (active -> suspended) and retire.
 * An operator who acts for an agency cannot approve that agency's own service (S-AC-04).
 */
public final class ServiceAdministration {

    private final ServiceStore store;
    private final CatalogueChanges changes;

    public ServiceAdministration(ServiceStore store, CatalogueChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    /** Every service, any agency (the admin view). */
    public Mono<ServiceDefinition> get(String serviceId) {
        return store.find(serviceId).switchIfEmpty(Mono.error(() -> new ProblemException(
                RegistryError.SERVICE_NOT_FOUND, "Service " + serviceId + " was not found")));
    }

    /** An agency's services, for operators. */
    public Flux<ServiceDefinition> byAgency(String agencyId) {
        return store.findByAgency(agencyId);
    }

    /** Every service of one agency, or of all agencies when {@code agencyId} is null. */
    public Flux<ServiceDefinition> list(String agencyId) {
        return agencyId != null ? store.findByAgency(agencyId) : store.changedSince(0);
    }

    /**
     * Approves a pending (or lifts a suspended) service.
     *
     * @param actorAgency the agency the operator belongs to, or null for platform staff
     */
    public Mono<ServiceDefinition> approve(String serviceId, String actor, String actorAgency) {
        return move(serviceId, actor, actorAgency, Set.of(ServiceStatus.PENDING, ServiceStatus.SUSPENDED),
                ServiceStatus.ACTIVE);
    }

    /** Suspends an active service: it leaves the catalogue and cannot be called. */
    public Mono<ServiceDefinition> suspend(String serviceId, String actor) {
        return move(serviceId, actor, null, Set.of(ServiceStatus.ACTIVE), ServiceStatus.SUSPENDED);
    }

    /** Retires a service for good. */
    public Mono<ServiceDefinition> retire(String serviceId, String actor) {
        return move(serviceId, actor, null, Set.of(ServiceStatus.DRAFT, ServiceStatus.PENDING, ServiceStatus.ACTIVE,
                ServiceStatus.SUSPENDED), ServiceStatus.RETIRED);
    }

    private Mono<ServiceDefinition> move(String serviceId, String actor, String actorAgency, Set<ServiceStatus> from,
            ServiceStatus to) {
        return get(serviceId).flatMap(s -> {
            if (actorAgency != null && actorAgency.equals(s.agencyId())) {
                return Mono.error(new ProblemException(RegistryError.SELF_APPROVAL_FORBIDDEN,
                        "An operator of agency " + s.agencyId() + " cannot approve its own service"));
            }
            if (!from.contains(s.status())) {
                return Mono.error(new ProblemException(RegistryError.INVALID_TRANSITION, "Service " + serviceId
                        + " is " + s.status().code() + " and cannot become " + to.code()));
            }
            return store.write(serviceId, s.agencyId(), s.version(), to, s.content(), actor);
        }).flatMap(d -> changes.announce(d.changeSeq()).thenReturn(d));
    }
}
