package th.onecitizen.registry.onboarding;

import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.RegistryError;
import th.onecitizen.registry.catalogue.CatalogueChanges;
import th.onecitizen.registry.service.AgencyAuth;
import th.onecitizen.registry.service.ServiceDefinition;
import th.onecitizen.registry.service.ServiceDefinition.ServiceContent;
import th.onecitizen.registry.service.ServiceStatus;
import th.onecitizen.registry.service.ServiceStore;
import th.onecitizen.registry.validation.ServiceValidator;

/**
 * What an agency does with its own services: create a draft, update it, submit it for approval. Ownership is
 * strict: another agency's service is reported as not found, never as forbidden, so its existence does not leak
 * (S-AC-02). Changing where or how an approved service is called sends it back to pending (S-AC-04).
 */
public final class ServiceOnboarding {

    private final ServiceStore store;
    private final ServiceValidator validator;
    private final CatalogueChanges changes;

    public ServiceOnboarding(ServiceStore store, ServiceValidator validator, CatalogueChanges changes) {
        this.store = store;
        this.validator = validator;
        this.changes = changes;
    }

    /** The agency's own service, or 404. */
    public Mono<ServiceDefinition> get(String agencyId, String serviceId) {
        return store.find(serviceId).filter(s -> s.agencyId().equals(agencyId))
                .switchIfEmpty(Mono.error(() -> notFound(serviceId)));
    }

    /** The agency's services. */
    public Flux<ServiceDefinition> list(String agencyId) {
        return store.findByAgency(agencyId);
    }

    /** Creates a draft {@code <agency>.<slug>}. Validation (including DNS) runs before any transaction opens. */
    public Mono<ServiceDefinition> create(String agencyId, String slug, ServiceContent content, String actor) {
        ServiceValidator.checkSlug(slug);
        String id = agencyId + "." + slug;
        return store.findAgency(agencyId)
                .switchIfEmpty(Mono.error(() -> new ProblemException(RegistryError.AGENCY_NOT_FOUND,
                        "The calling agency is not registered")))
                .then(validator.validate(content))
                .flatMap(c -> store.write(id, agencyId, 0, ServiceStatus.DRAFT, c, actor))
                .flatMap(this::announced);
    }

    /**
     * Replaces the content. {@code expectedVersion} (from If-Match) guards against lost updates; 0 means "any".
     * A retired service cannot change; an approved one whose target changes goes back to pending.
     */
    public Mono<ServiceDefinition> update(String agencyId, String serviceId, int expectedVersion,
            ServiceContent content, String actor) {
        return get(agencyId, serviceId).flatMap(current -> {
            if (current.status() == ServiceStatus.RETIRED) {
                return Mono.error(new ProblemException(RegistryError.INVALID_TRANSITION,
                        "Service " + serviceId + " is retired and cannot change"));
            }
            if (expectedVersion != 0 && expectedVersion != current.version()) {
                return Mono.error(new ProblemException(RegistryError.VERSION_MISMATCH, "Service " + serviceId
                        + " is at version " + current.version() + ", not " + expectedVersion));
            }
            ServiceStatus next = needsReapproval(current, content) ? ServiceStatus.PENDING : current.status();
            return validator.validate(content)
                    .flatMap(c -> store.write(serviceId, agencyId, current.version(), next, c, actor));
        }).flatMap(this::announced);
    }

    /** Submits a draft for approval. */
    public Mono<ServiceDefinition> submit(String agencyId, String serviceId, String actor) {
        return get(agencyId, serviceId).flatMap(current -> current.status() != ServiceStatus.DRAFT
                ? Mono.error(new ProblemException(RegistryError.INVALID_TRANSITION, "Only a draft can be submitted; "
                        + serviceId + " is " + current.status().code()))
                : store.write(serviceId, agencyId, current.version(), ServiceStatus.PENDING, current.content(), actor))
                .flatMap(this::announced);
    }

    /**
     * True when an approved service changes in a way an operator must see again: where and how it is called,
     * what data its operations move and why, or a lower assurance.
     */
    static boolean needsReapproval(ServiceDefinition current, ServiceContent next) {
        if (current.status() != ServiceStatus.ACTIVE && current.status() != ServiceStatus.SUSPENDED) {
            return false;
        }
        ServiceContent was = current.content();
        boolean target = !Objects.equals(was.connector().baseUrl(), next.connector().baseUrl())
                || !Objects.equals(tokenUrl(was.connector().auth()), tokenUrl(next.connector().auth()))
                || !Objects.equals(was.connector().auth().type(), next.connector().auth().type());
        boolean data = !was.operations().equals(next.operations());
        // a citizen at the new minimum would not have met the old one: the bar went down (or sideways)
        boolean lowered = !was.minAssurance().isSatisfiedBy(next.minAssurance());
        return target || data || lowered;
    }

    private static String tokenUrl(AgencyAuth auth) {
        return auth instanceof AgencyAuth.ClientCredentials cc ? cc.tokenUrl() : null;
    }

    private Mono<ServiceDefinition> announced(ServiceDefinition d) {
        return changes.announce(d.changeSeq()).thenReturn(d);
    }

    private static ProblemException notFound(String serviceId) {
        return new ProblemException(RegistryError.SERVICE_NOT_FOUND, "Service " + serviceId + " was not found");
    }
}
