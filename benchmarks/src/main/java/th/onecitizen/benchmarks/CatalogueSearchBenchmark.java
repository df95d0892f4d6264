package th.onecitizen.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.registry.catalogue.Catalogue;
import th.onecitizen.registry.catalogue.CatalogueChanges;
import th.onecitizen.registry.catalogue.CataloguePage;
import th.onecitizen.registry.catalogue.CatalogueQuery;
import th.onecitizen.registry.catalogue.SyntheticCatalogue;
import th.onecitizen.registry.service.Agency;
import th.onecitizen.registry.service.Assurance;
import th.onecitizen.registry.service.ServiceDefinition;
import th.onecitizen.registry.service.ServiceStatus;
import th.onecitizen.registry.service.ServiceStore;

/**
 * Catalogue search at 10,000 services (target: p99 under 10 ms): the public {@link Catalogue} path a request takes,
 * over the synthetic catalogue, with the change check answered from memory so that only the search is measured.
 * Sample mode reports the latency distribution (p0.99 is the figure to read). Queries: a Thai word, an English word,
 * Thai words without spaces, a category filter, and the empty query (first page of everything).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CatalogueSearchBenchmark {

    @Param({"10000"})
    int size;

    @Param({"ภาษี", "passport", "ต่ออายุใบขับขี่", "category:health", ""})
    String query;

    private Catalogue catalogue;
    private CatalogueQuery search;

    @Setup
    public void setUp() {
        SyntheticCatalogue synthetic = SyntheticCatalogue.generate(size, 42);
        InMemoryStore store = new InMemoryStore(synthetic);
        catalogue = new Catalogue(store, store, Clock.systemUTC());
        catalogue.version().block(Duration.ofMinutes(1));
        boolean byCategory = query.startsWith("category:");
        Locale lang = query.matches(".*[a-z].*") && !byCategory ? Locale.ENGLISH : Locale.forLanguageTag("th");
        search = new CatalogueQuery(byCategory ? "" : query, byCategory ? query.substring(9) : null, lang, 1, 20,
                new Assurance("2.3", "2.2"));
        CataloguePage first = catalogue.search(search).block();
        if (first == null || first.total() == 0 && !query.isEmpty()) {
            throw new IllegalStateException("The query '" + query + "' matches nothing: not a useful benchmark");
        }
    }

    @Benchmark
    public CataloguePage search() {
        return catalogue.search(search).block();
    }

    /** The registry's store and change feed, answered from memory. */
    private static final class InMemoryStore implements ServiceStore, CatalogueChanges {

        private final Map<String, ServiceDefinition> services;
        private final Map<String, Agency> agencies;
        private final long latest;

        InMemoryStore(SyntheticCatalogue c) {
            this.services = c.services().stream().collect(Collectors.toMap(ServiceDefinition::id, s -> s));
            this.agencies = c.agencies();
            this.latest = c.services().stream().mapToLong(ServiceDefinition::changeSeq).max().orElse(0);
        }

        @Override
        public Mono<ServiceDefinition> find(String serviceId) {
            return Mono.justOrEmpty(services.get(serviceId));
        }

        @Override
        public Flux<ServiceDefinition> findByAgency(String agencyId) {
            return Flux.fromIterable(services.values()).filter(s -> s.agencyId().equals(agencyId));
        }

        @Override
        public Flux<ServiceDefinition> changedSince(long changeSeq) {
            return Flux.fromIterable(services.values()).filter(s -> s.changeSeq() > changeSeq)
                    .sort(Comparator.comparingLong(ServiceDefinition::changeSeq));
        }

        @Override
        public Mono<Long> latestChange() {
            return Mono.just(latest);
        }

        @Override
        public Mono<ServiceDefinition> write(String serviceId, String agencyId, int expectedVersion,
                ServiceStatus status, ServiceDefinition.ServiceContent content, String changedBy) {
            return Mono.error(new UnsupportedOperationException("read-only benchmark store"));
        }

        @Override
        public Mono<Agency> findAgency(String agencyId) {
            return Mono.justOrEmpty(agencies.get(agencyId));
        }

        @Override
        public Flux<Agency> agencies() {
            return Flux.fromIterable(agencies.values());
        }

        @Override
        public Mono<Agency> saveAgency(Agency agency) {
            return Mono.error(new UnsupportedOperationException("read-only benchmark store"));
        }

        @Override
        public Mono<Void> announce(long changeSeq) {
            return Mono.empty();
        }

        @Override
        public Mono<Long> latest() {
            return Mono.just(latest);
        }
    }
}
