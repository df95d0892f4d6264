package th.onecitizen.bff.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.connectors.dashboard.DashboardPins;
import th.onecitizen.connectors.privacy.AgencyAnswer;
import th.onecitizen.connectors.privacy.AgencyPrivacy;
import th.onecitizen.connectors.privacy.PrivacyRight;
import th.onecitizen.consent.accesslog.AccessLog;
import th.onecitizen.consent.decision.Permit;
import th.onecitizen.consent.decision.RightsPermits;
import th.onecitizen.consent.dsar.ExportContributor;
import th.onecitizen.registry.catalogue.Catalogue;
import th.onecitizen.registry.service.Operation;

/**
 * The agencies' answers in an access or portability export (s30, s31; issue 6): the request is fanned out in
 * parallel to every agency that holds data about the citizen because of OneCitizen - each agency in the citizen's
 * access log (it received data) and each agency of a service the citizen pinned - and each answer (its data, the
 * categories, the source of data it obtained without consent) or its failure is one entry with a status. A slow or
 * dead agency is a {@code timeout} or {@code unavailable} entry, never a hung export. Every share is appended to the
 * citizen's access log by the connectors.
 */
@Component
@Order(100)
final class AgencyDataExport implements ExportContributor {

    // the consent module is built with its export contributors, so its parts are looked up when an export runs
    private final ObjectProvider<AccessLog> accessLog;
    private final DashboardPins pins;
    private final Catalogue catalogue;
    private final ObjectProvider<RightsPermits> permits;
    private final AgencyPrivacy agencies;

    AgencyDataExport(ObjectProvider<AccessLog> accessLog, DashboardPins pins, Catalogue catalogue,
            ObjectProvider<RightsPermits> permits, AgencyPrivacy agencies) {
        this.accessLog = accessLog;
        this.pins = pins;
        this.catalogue = catalogue;
        this.permits = permits;
        this.agencies = agencies;
    }

    @Override
    public String section() {
        return "agencies";
    }

    @Override
    public Mono<Object> contribute(String subjectRef) {
        return Mono.just(List.of()); // agencies answer only for a filed request
    }

    @Override
    public Mono<Object> contribute(String subjectRef, UUID requestId) {
        return holders(subjectRef).flatMap(holders -> Flux.fromIterable(holders.entrySet())
                .flatMap(h -> permits.getObject().forRequest(subjectRef, requestId, h.getKey(), h.getValue())
                        .map(p -> Map.entry(h.getKey(), p)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMap(byAgency -> ask(byAgency, requestId))
                .map(answers -> answers.stream().map(a -> entry(a, holders.get(a.agencyId()))).toList()));
    }

    private Mono<List<AgencyAnswer>> ask(Map<String, Permit> byAgency, UUID requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", requestId.toString());
        body.put("right", "access");
        return byAgency.isEmpty() ? Mono.just(List.of()) : agencies.fanOut(byAgency, PrivacyRight.ACCESS, body);
    }

    /** Agencies in the access log with the categories they received, plus the agencies of pinned services. */
    private Mono<Map<String, Set<String>>> holders(String subjectRef) {
        Mono<Map<String, Set<String>>> logged = accessLog.getObject().recipients(subjectRef);
        Mono<List<Map.Entry<String, Set<String>>>> pinned = pins.pinned(subjectRef).flatMapMany(Flux::fromIterable)
                .flatMap(id -> catalogue.find(id).map(hit -> Map.entry(hit.service().agencyId(),
                        categories(hit.service().content().operations()))))
                .collectList();
        return Mono.zip(logged, pinned).map(t -> {
            Map<String, Set<String>> all = new TreeMap<>();
            t.getT1().forEach((agency, cats) -> all.computeIfAbsent(agency, a -> new TreeSet<>()).addAll(cats));
            t.getT2().forEach(e -> all.computeIfAbsent(e.getKey(), a -> new TreeSet<>()).addAll(e.getValue()));
            return all;
        });
    }

    private static Set<String> categories(List<Operation> operations) {
        Set<String> all = new TreeSet<>();
        operations.forEach(op -> all.addAll(op.allCategories()));
        return all;
    }

    private static Map<String, Object> entry(AgencyAnswer a, Set<String> shared) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agency_id", a.agencyId());
        m.put("status", a.status());
        m.put("service_id", a.serviceId());
        m.put("categories_shared_by_onecitizen", shared == null ? List.of() : List.copyOf(shared));
        m.put("answer", a.body());
        m.put("error", a.error());
        m.put("detail", a.detail());
        return m;
    }
}
