package th.onecitizen.registry.catalogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import th.onecitizen.registry.service.Agency;
import th.onecitizen.registry.service.LocalizedText;
import th.onecitizen.registry.service.ServiceDefinition;
import th.onecitizen.registry.service.ServiceStore;

/**
 * The citizen-facing catalogue: an in-memory index of the active services on every instance, kept current by
 * comparing its change sequence with the registry-wide high-water mark before each read. A change made on any
 * instance is therefore visible on the next read everywhere; reads in between cost one Redis GET.
 */
public final class Catalogue {

    // Even when Redis keeps answering, look at PostgreSQL now and then: an announcement lost while Redis was
    // briefly unreachable must not hide a change for long.
    private static final Duration DATABASE_CHECK = Duration.ofSeconds(30);

    private final ServiceStore store;
    private final CatalogueChanges changes;
    private final Clock clock;
    private final AtomicReference<State> state;
    private final AtomicReference<Mono<State>> refreshing = new AtomicReference<>();

    public Catalogue(ServiceStore store, CatalogueChanges changes, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.clock = clock;
        this.state = new AtomicReference<>(new State(Map.of(), Map.of(),
                CatalogueIndex.build(List.of(), Map.of(), -1), Instant.EPOCH));
    }

    /** Searches the active services. */
    public Mono<CataloguePage> search(CatalogueQuery q) {
        return current().map(s -> {
            CatalogueIndex.Result r = s.index.search(q.text(), q.category(), q.language());
            int from = Math.min((q.page() - 1) * q.size(), r.entries().size());
            int to = Math.min(from + q.size(), r.entries().size());
            List<CataloguePage.Hit> hits = r.entries().subList(from, to).stream()
                    .map(e -> new CataloguePage.Hit(e.service(), e.agencyName(), q.assurance() == null ? null
                            : e.service().content().minAssurance().isSatisfiedBy(q.assurance())))
                    .toList();
            return new CataloguePage(hits, r.entries().size(), r.facets(), s.index.version());
        });
    }

    /** The active service with this id, with its agency's name; empty when there is none. */
    public Mono<CataloguePage.Hit> find(String serviceId) {
        return current().flatMap(s -> {
            CatalogueIndex.Entry e = s.index.byId(serviceId);
            return e == null ? Mono.empty() : Mono.just(new CataloguePage.Hit(e.service(), e.agencyName(), null));
        });
    }

    /** The active services among {@code serviceIds} (absent ones left out), after one currency check for all. */
    public Mono<Map<String, ServiceDefinition>> findAll(java.util.Collection<String> serviceIds) {
        return current().map(s -> {
            Map<String, ServiceDefinition> found = new java.util.LinkedHashMap<>();
            for (String id : serviceIds) {
                CatalogueIndex.Entry e = s.index.byId(id);
                if (e != null) {
                    found.put(id, e.service());
                }
            }
            return found;
        });
    }

    /**
     * The active service with this id as this instance last knew it, without checking that it is still current
     * (no I/O): only for starting work early that {@link #find} then confirms or discards. Null when unknown.
     */
    public ServiceDefinition peek(String serviceId) {
        CatalogueIndex.Entry e = state.get().index.byId(serviceId);
        return e == null ? null : e.service();
    }

    /** The change sequence the catalogue is at, after bringing it up to date (for ETags). */
    public Mono<Long> version() {
        return current().map(s -> s.index.version());
    }

    /** How many active services the catalogue holds now. */
    public int size() {
        return state.get().index.size();
    }

    private Mono<State> current() {
        State s = state.get();
        boolean askDatabase = Duration.between(s.checkedDatabaseAt, clock.instant()).compareTo(DATABASE_CHECK) > 0;
        Mono<Long> latest = askDatabase ? store.latestChange()
                : changes.latest().switchIfEmpty(Mono.defer(store::latestChange));
        return latest.flatMap(seq -> seq <= s.index.version() && !askDatabase ? Mono.just(s)
                // a shared refresh may have started before this change committed: then load once more
                : refresh().flatMap(r -> r.index.version() >= seq ? Mono.just(r) : load()));
    }

    /** One refresh at a time: concurrent readers share it. */
    private Mono<State> refresh() {
        return Mono.defer(() -> {
            Mono<State> fresh = Mono.defer(this::load).doFinally(x -> refreshing.set(null)).cache();
            Mono<State> prior = refreshing.compareAndExchange(null, fresh);
            return prior != null ? prior : fresh;
        });
    }

    private Mono<State> load() {
        State s = state.get();
        Instant now = clock.instant();
        return store.changedSince(Math.max(s.index.version(), 0)).collectList()
                .zipWith(store.agencies().collectMap(Agency::id, Agency::name))
                .publishOn(Schedulers.parallel())
                .map(t -> {
                    Map<String, ServiceDefinition> services = new HashMap<>(s.services);
                    long seq = s.index.version();
                    for (ServiceDefinition d : t.getT1()) {
                        services.put(d.id(), d);
                        seq = Math.max(seq, d.changeSeq());
                    }
                    Map<String, LocalizedText> agencies = t.getT2();
                    State next = t.getT1().isEmpty() && agencies.equals(s.agencies) && s.index.version() >= 0
                            ? new State(s.services, s.agencies, s.index, now)
                            : new State(Map.copyOf(services), Map.copyOf(agencies),
                                    CatalogueIndex.build(services.values(), agencies, Math.max(seq, 0)), now);
                    state.set(next);
                    return next;
                });
    }

    private record State(Map<String, ServiceDefinition> services, Map<String, LocalizedText> agencies,
            CatalogueIndex index, Instant checkedDatabaseAt) {
    }
}
