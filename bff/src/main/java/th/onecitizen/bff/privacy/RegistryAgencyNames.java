package th.onecitizen.bff.privacy;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.collection.AgencyNames;
import th.onecitizen.registry.service.ServiceStore;

/** The registry's agency names, for the consent module's notices. */
@Component
final class RegistryAgencyNames implements AgencyNames {

    private final ServiceStore store;

    RegistryAgencyNames(ServiceStore store) {
        this.store = store;
    }

    @Override
    public Mono<Name> find(String agencyId) {
        return store.findAgency(agencyId).map(a -> new Name(a.name().th(), a.name().en()));
    }
}
