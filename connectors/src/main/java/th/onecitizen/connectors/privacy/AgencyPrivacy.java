package th.onecitizen.connectors.privacy;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.MDC;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.connectors.runtime.ConnectorRuntime;
import th.onecitizen.consent.decision.Disclosure;
import th.onecitizen.consent.decision.DisclosureLog;
import th.onecitizen.consent.decision.Permit;
import th.onecitizen.consent.decision.RightsPermits;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.service.LocalizedText;
import th.onecitizen.registry.service.Operation;
import th.onecitizen.registry.service.ServiceDefinition;
import th.onecitizen.registry.service.ServiceStatus;
import th.onecitizen.registry.service.ServiceStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data-subject rights at the agencies: asks, corrects and delivers through the connector runtime, so every call has
 * the connector's credential, a signed citizen assertion with the agency's pairwise subject, the egress policy
 * (SSRF rules) and resilience. Privacy calls get their own breaker ({@code <service>#privacy}), so that they never
 * trip the breaker of the agency's citizen-facing service. Every call that left OneCitizen is appended to the
 * citizen's access log. An agency answers through an active service whose connector declares the
 * right's endpoint, the most recently updated first (an agency that moves its privacy endpoint to a new service
 * takes effect at once); one that declares none is {@code not_supported}.
 */
public final class AgencyPrivacy {

    /** The whole fan-out's time budget: a slow agency is reported as {@code timeout}, never waited for longer. */
    public static final Duration BUDGET = Duration.ofSeconds(8);

    private final ServiceStore services;
    private final ConnectorRuntime runtime;
    private final DisclosureLog disclosures;
    private final JsonMapper json;
    private final Clock clock;

    public AgencyPrivacy(ServiceStore services, ConnectorRuntime runtime, DisclosureLog disclosures, JsonMapper json,
            Clock clock) {
        this.services = services;
        this.runtime = runtime;
        this.disclosures = disclosures;
        this.json = json;
        this.clock = clock;
    }

    /** True when {@code agencyId} has an active service declaring an endpoint for {@code right}. */
    public Mono<Boolean> supports(String agencyId, PrivacyRight right) {
        return endpoint(agencyId, right).hasElement();
    }

    /** Sends {@code body} to every agency of {@code permits} in parallel, within {@link #BUDGET}; one answer each. */
    public Mono<List<AgencyAnswer>> fanOut(Map<String, Permit> permits, PrivacyRight right, Object body) {
        List<String> order = List.copyOf(new java.util.TreeSet<>(permits.keySet()));
        return Flux.fromIterable(order)
                .flatMap(agency -> send(agency, right, permits.get(agency), body)
                        .timeout(BUDGET, Mono.fromSupplier(() -> new AgencyAnswer(agency, "timeout", null, null,
                                "budget_exceeded", "The agency did not answer within " + BUDGET.toMillis() + " ms"))),
                        Math.max(1, order.size()))
                .collectSortedList(Comparator.comparingInt(a -> order.indexOf(a.agencyId())));
    }

    /** Sends {@code body} to {@code agencyId}'s endpoint for {@code right} under {@code permit}. */
    public Mono<AgencyAnswer> send(String agencyId, PrivacyRight right, Permit permit, Object body) {
        if (!RightsPermits.PURPOSE.equals(permit.purposeId()) || !permit.agencyId().equals(agencyId)) {
            return Mono.error(new IllegalArgumentException("A privacy call needs a rights permit for " + agencyId));
        }
        JsonNode payload = json.valueToTree(body);
        return endpoint(agencyId, right)
                .flatMap(service -> call(service, right, permit, payload))
                .defaultIfEmpty(new AgencyAnswer(agencyId, "not_supported", null, null, "privacy_endpoint_missing",
                        "The agency declares no endpoint for " + right.operationId()));
    }

    private Mono<AgencyAnswer> call(ServiceDefinition service, PrivacyRight right, Permit permit, JsonNode body) {
        Operation op = new Operation(right.operationId(), new LocalizedText("คำขอตามสิทธิของเจ้าของข้อมูล",
                "Data subject rights request"), "POST", right.path(service.content().connector()), null,
                json.readTree("{\"type\":\"object\"}"), true, permit.dataCategories(), Set.of(),
                RightsPermits.PURPOSE, permit.basis().code(), false);
        ServiceDefinition privacy = new ServiceDefinition(service.id() + "#privacy", service.agencyId(),
                service.version(), service.status(), service.content(), service.changeSeq(), service.updatedAt());
        return runtime.call(privacy, op, permit, body)
                .map(r -> answered(service, right, r.body()))
                .onErrorResume(ProblemException.class, e -> Mono.just(failed(service, e)))
                .flatMap(a -> "not_supported".equals(a.status()) ? Mono.just(a) : log(service, op, permit, a)
                        .thenReturn(a));
    }

    private static AgencyAnswer answered(ServiceDefinition service, PrivacyRight right, JsonNode body) {
        String said = body.path("status").asString("");
        String status = switch (right) {
            case ACCESS -> "no_data".equals(said) ? "no_data" : "answered";
            default -> "rejected".equals(said) ? "rejected" : "accepted";
        };
        return new AgencyAnswer(service.agencyId(), status, service.id(), body, null,
                "rejected".equals(status) ? body.path("reason").asString("refused by the agency") : null);
    }

    private static AgencyAnswer failed(ServiceDefinition service, ProblemException e) {
        String code = e.error().code();
        String status = switch (code) {
            case "agency_record_not_found" -> "no_data";
            case "agency_timeout" -> "timeout";
            case "agency_rejected" -> "rejected";
            case "agency_unavailable", "agency_circuit_open", "agency_busy", "agency_rate_limited" -> "unavailable";
            default -> "error";
        };
        return new AgencyAnswer(service.agencyId(), status, service.id(), null, code, e.getMessage());
    }

    private Mono<Void> log(ServiceDefinition service, Operation op, Permit permit, AgencyAnswer a) {
        return Mono.defer(() -> disclosures.record(permit, new Disclosure(service.id(), op.id(),
                permit.dataCategories(), clock.instant(), MDC.get("traceId"), a.succeeded() ? "ok" : a.status())));
    }

    private Mono<ServiceDefinition> endpoint(String agencyId, PrivacyRight right) {
        return services.findByAgency(agencyId)
                .filter(s -> s.status() == ServiceStatus.ACTIVE && right.path(s.content().connector()) != null)
                .sort(Comparator.comparing(ServiceDefinition::updatedAt).reversed()
                        .thenComparing(ServiceDefinition::id))
                .next();
    }
}
