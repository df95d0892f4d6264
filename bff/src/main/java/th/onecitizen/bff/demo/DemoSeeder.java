package th.onecitizen.bff.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.bff.services.RegistryConsentPurposes;
import th.onecitizen.consent.purpose.PurposeCatalog;
import th.onecitizen.registry.RegistryProperties;
import th.onecitizen.registry.catalogue.CatalogueChanges;
import th.onecitizen.registry.catalogue.SyntheticCatalogue;
import th.onecitizen.registry.service.Agency;
import th.onecitizen.registry.service.Operation;
import th.onecitizen.registry.service.ServiceDefinition;
import th.onecitizen.registry.service.ServiceStatus;
import th.onecitizen.registry.service.ServiceStore;

/**
 * Demo only: registers, idempotently, the sample agencies' services, the demo agency's sandbox service, the
 * 300-service seed catalogue ({@link DemoCatalogue}) and, when {@code onecitizen.demo.synthetic-services} is set,
 * that many synthetic services for load tests; then the consent purposes those services need, with their notices.
 * A service already stored with the same content is left as it is; one whose content differs (a sample agency on a
 * new port) gets a new version. Runs once at start-up, on the main thread before the application reports ready,
 * never on a request path: the one place that waits for a reactive pipeline, with a bound.
 */
@Component
@Profile("demo")
final class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final String ACTOR = "demo-seed";

    private final AgencyMocksLauncher samples;
    private final ServiceStore store;
    private final CatalogueChanges changes;
    private final PurposeCatalog purposes;
    private final RegistryProperties registry;
    private final int synthetic;

    DemoSeeder(AgencyMocksLauncher samples, ServiceStore store, CatalogueChanges changes, PurposeCatalog purposes,
            RegistryProperties registry, Environment env) {
        this.samples = samples;
        this.store = store;
        this.changes = changes;
        this.purposes = purposes;
        this.registry = registry;
        this.synthetic = env.getProperty("onecitizen.demo.synthetic-services", Integer.class, 0);
    }

    @Override
    public void run(ApplicationArguments args) {
        List<DemoCatalogue.Entry> entries = new ArrayList<>(samples.services());
        entries.addAll(DemoCatalogue.load());
        if (synthetic > 0) {
            SyntheticCatalogue generated = SyntheticCatalogue.generate(synthetic, 42);
            generated.services().forEach(s -> entries.add(new DemoCatalogue.Entry(generated.agency(s.agencyId()),
                    s.id(), s.content())));
        }
        Long written = seed(entries).block(Duration.ofMinutes(5));
        log.info("Demo catalogue ready: {} services seeded, {} changed", entries.size(), written);
    }

    private Mono<Long> seed(List<DemoCatalogue.Entry> entries) {
        Map<String, Agency> agencies = new LinkedHashMap<>();
        entries.forEach(e -> agencies.putIfAbsent(e.agency().id(), e.agency()));
        return Flux.fromIterable(agencies.values()).concatMap(store::saveAgency).then()
                .thenMany(Flux.fromIterable(entries).concatMap(this::service))
                .reduce(0L, Math::max)
                .flatMap(last -> consentPurposes(entries, agencies)
                        .then(last > 0 ? changes.announce(last) : Mono.empty())
                        .thenReturn(last));
    }

    /** Writes the service when it is missing or differs; emits the change sequence of a write, else nothing. */
    private Mono<Long> service(DemoCatalogue.Entry e) {
        return store.find(e.serviceId())
                .map(existing -> existing.content().equals(e.content()) && existing.status() == ServiceStatus.ACTIVE
                        ? -1 : existing.version())
                .defaultIfEmpty(0)
                .filter(version -> version >= 0)
                .flatMap(version -> store.write(e.serviceId(), e.agency().id(), version, ServiceStatus.ACTIVE,
                        e.content(), ACTOR))
                .map(ServiceDefinition::changeSeq);
    }

    /** Registers each agency's consent purpose for the registry purposes its services use, when missing. */
    private Mono<Void> consentPurposes(List<DemoCatalogue.Entry> entries, Map<String, Agency> agencies) {
        Map<String, Purpose> needed = new LinkedHashMap<>();
        for (DemoCatalogue.Entry e : entries) {
            for (Operation op : e.content().operations()) {
                String id = RegistryConsentPurposes.of(e.agency().id(), op.purposeId());
                needed.computeIfAbsent(id, k -> new Purpose(e.agency(), op.purposeId(), op.lawfulBasis(),
                        new ArrayList<>())).operations().add(e.serviceId() + "/" + op.id());
            }
        }
        return Flux.fromIterable(needed.entrySet())
                .concatMap(n -> purposes.find(n.getKey()).hasElement().flatMap(exists -> exists ? Mono.empty()
                        : purposes.register(n.getKey(), DemoConsentPurposes.draft(n.getValue().agency(),
                                n.getValue().registryPurpose(), n.getValue().basis(),
                                registry.purposes().getOrDefault(n.getValue().registryPurpose(), Set.of()),
                                n.getValue().operations().stream().limit(50).toList()))))
                .then();
    }

    private record Purpose(Agency agency, String registryPurpose, String basis, List<String> operations) {
    }
}
