package th.onecitizen.connectors.call;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import th.onecitizen.connectors.ConnectorError;
import th.onecitizen.connectors.runtime.ConnectorRuntime;
import th.onecitizen.consent.decision.ConsentGate;
import th.onecitizen.consent.decision.Decision;
import th.onecitizen.consent.decision.DecisionRequest;
import th.onecitizen.consent.decision.Disclosure;
import th.onecitizen.consent.decision.DisclosureLog;
import th.onecitizen.consent.decision.Permit;
import th.onecitizen.consent.decision.Refusal;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ErrorCode;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.RegistryError;
import th.onecitizen.registry.catalogue.Catalogue;
import th.onecitizen.registry.service.Assurance;
import th.onecitizen.registry.service.Operation;
import th.onecitizen.registry.service.ServiceDefinition;
import th.onecitizen.registry.validation.JsonShape;
import tools.jackson.databind.JsonNode;

/**
 * One service call, in the order the design fixes: the service must be active, the citizen's assurance must meet
 * the service's (else an RFC 9470 challenge), the request must match the operation's schema, consent must decide
 * (a refusal says what to ask for), a repeated Idempotency-Key returns the first result, the agency is called with
 * the permit, and every share that reached the agency is written to the citizen's access log.
 */
public final class ServiceCalls {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{8,128}");
    // Failures that stop the call before anything reaches the agency: no disclosure happened.
    private static final Set<String> NOT_SENT = Set.of("agency_circuit_open", "agency_busy", "agency_rate_limited",
            "agency_target_forbidden", "agency_auth_failed", "request_invalid");

    private final Catalogue catalogue;
    private final ConsentGate consent;
    private final DisclosureLog disclosures;
    private final ConnectorRuntime runtime;
    private final IdempotencyStore idempotency;
    private final ConsentPurposes purposes;
    private final Clock clock;

    public ServiceCalls(Catalogue catalogue, ConsentGate consent, DisclosureLog disclosures, ConnectorRuntime runtime,
            IdempotencyStore idempotency, ConsentPurposes purposes, Clock clock) {
        this.catalogue = catalogue;
        this.consent = consent;
        this.disclosures = disclosures;
        this.runtime = runtime;
        this.idempotency = idempotency;
        this.purposes = purposes;
        this.clock = clock;
    }

    /**
     * Calls {@code operationId} of {@code serviceId} for {@code citizen}. The consent decision for the service as
     * this instance last knew it starts at once, alongside the check that the catalogue is still current; it is used
     * only when that check returns the very same service version, otherwise the decision is taken again.
     */
    public Mono<CallResult> invoke(Citizen citizen, String serviceId, String operationId, JsonNode body,
            String idempotencyKey) {
        Mono<Early> early = Mono.defer(() -> early(citizen, catalogue.peek(serviceId), operationId, body))
                .onErrorResume(e -> Mono.empty()); // an early decision that cannot even start: decide later
        Mono<ServiceDefinition> current = catalogue.find(serviceId)
                .switchIfEmpty(Mono.error(() -> new ProblemException(RegistryError.SERVICE_NOT_FOUND,
                        "Service " + serviceId + " was not found")))
                .map(hit -> hit.service());
        return Mono.zip(current, early.defaultIfEmpty(Early.NONE)).flatMap(t -> {
            ServiceDefinition service = t.getT1();
            Operation op = operation(service, operationId);
            checkAssurance(citizen, service);
            checkRequest(service, op, body);
            Mono<Permit> permit = t.getT2().isFor(service, op) ? t.getT2().permit(this, citizen)
                    : decide(citizen, service, op);
            return permit.flatMap(p -> idempotent(citizen, service, op, body, idempotencyKey, p));
        });
    }

    /**
     * Calls {@code operationId} of {@code service}, which the caller has just read from the catalogue (the dashboard
     * reads all its services with one currency check).
     */
    public Mono<CallResult> invoke(Citizen citizen, ServiceDefinition service, String operationId, JsonNode body,
            String idempotencyKey) {
        return Mono.defer(() -> {
            Operation op = operation(service, operationId);
            checkAssurance(citizen, service);
            checkRequest(service, op, body);
            return decide(citizen, service, op).flatMap(p -> idempotent(citizen, service, op, body, idempotencyKey,
                    p));
        });
    }

    /** The service a dashboard shows for a service: its summary operation. */
    public Mono<ServiceDefinition> active(String serviceId) {
        return catalogue.find(serviceId).map(h -> h.service());
    }

    /** The active services among {@code serviceIds}, after one catalogue currency check for all of them. */
    public Mono<Map<String, ServiceDefinition>> active(List<String> serviceIds) {
        return catalogue.findAll(serviceIds);
    }

    /** How long calls to this service's agency have been taking lately, in ms; 0 before the first call. */
    public long typicalLatencyMillis(String serviceId) {
        return runtime.typicalLatencyMillis(serviceId);
    }

    private static Operation operation(ServiceDefinition service, String operationId) {
        return service.operation(operationId).orElseThrow(() -> new ProblemException(
                RegistryError.OPERATION_NOT_FOUND, "Service " + service.id() + " has no operation "
                        + operationId, Map.of("service_id", service.id())));
    }

    /**
     * The consent decision for the service as last known, when the call would pass the local checks against it;
     * empty otherwise. An error is kept, not raised: it matters only if the decision is used.
     */
    private Mono<Early> early(Citizen citizen, ServiceDefinition known, String operationId, JsonNode body) {
        if (known == null) {
            return Mono.empty();
        }
        Operation op = known.operation(operationId).orElse(null);
        try {
            if (op == null) {
                return Mono.empty();
            }
            checkAssurance(citizen, known);
            checkRequest(known, op, body);
        } catch (ProblemException e) {
            return Mono.empty();
        }
        return consent.decide(request(citizen, known, op))
                .map(d -> new Early(known, op, d, null))
                .onErrorResume(e -> Mono.just(new Early(known, op, null, e)));
    }

    /** A decision taken for {@code service} before the catalogue confirmed it current. */
    private record Early(ServiceDefinition service, Operation op, Decision decision, Throwable error) {

        static final Early NONE = new Early(null, null, null, null);

        boolean isFor(ServiceDefinition current, Operation currentOp) {
            return service != null && (service == current || service.equals(current)) && op.equals(currentOp);
        }

        Mono<Permit> permit(ServiceCalls calls, Citizen citizen) {
            return error != null ? Mono.error(error) : calls.permit(citizen, service, op, decision);
        }
    }

    private static void checkAssurance(Citizen citizen, ServiceDefinition service) {
        Assurance needed = service.content().minAssurance();
        if (citizen.assurance() == null || !needed.isSatisfiedBy(citizen.assurance())) {
            String challenge = "Bearer error=\"insufficient_user_authentication\", error_description=\"Service "
                    + service.id() + " needs a stronger authentication\", acr_values=\"" + needed.acr() + "\"";
            throw new ProblemException(ConnectorError.INSUFFICIENT_USER_AUTHENTICATION, "Service " + service.id()
                    + " needs assurance " + needed.acr() + "; sign in again at that level",
                    Map.of("service_id", service.id(), "acr_values", needed.acr()),
                    Map.of("WWW-Authenticate", challenge), null);
        }
    }

    private static void checkRequest(ServiceDefinition service, Operation op, JsonNode body) {
        boolean empty = body == null || body.isNull() || body.isMissingNode();
        if (op.requestSchema() == null) {
            if (!empty && !(body.isObject() && body.isEmpty())) {
                throw new ProblemException(ConnectorError.REQUEST_INVALID, "Operation " + op.id()
                        + " takes no request body", Map.of("service_id", service.id()));
            }
            return;
        }
        List<String> violations = empty ? List.of("$: a request body is required")
                : JsonShape.violations(op.requestSchema(), body);
        if (!violations.isEmpty()) {
            throw new ProblemException(ConnectorError.REQUEST_INVALID, "The request does not match operation "
                    + op.id(), Map.of("service_id", service.id(), "errors", violations));
        }
    }

    private Mono<Permit> decide(Citizen citizen, ServiceDefinition service, Operation op) {
        return consent.decide(request(citizen, service, op)).flatMap(d -> permit(citizen, service, op, d));
    }

    private DecisionRequest request(Citizen citizen, ServiceDefinition service, Operation op) {
        return new DecisionRequest(citizen.subjectRef(), service.agencyId(), purposes.purposeFor(service, op),
                op.allCategories());
    }

    private Mono<Permit> permit(Citizen citizen, ServiceDefinition service, Operation op, Decision decision) {
        String purpose = purposes.purposeFor(service, op);
        Set<String> categories = op.allCategories();
        if (decision instanceof Decision.Refused refused) {
            return Mono.error(refusal(refused.refusal(), service, op, purpose, categories));
        }
        Permit permit = ((Decision.Allowed) decision).permit();
        if (!permit.isValidAt(clock.instant()) || !permit.agencyId().equals(service.agencyId())
                || !permit.dataCategories().containsAll(categories)
                || !permit.subjectRef().equals(citizen.subjectRef())) {
            return Mono.error(new ProblemException(ConnectorError.PERMIT_INVALID, "The consent permit "
                    + "does not cover this call to " + service.id(), Map.of("service_id", service.id())));
        }
        return Mono.just(permit);
    }

    private static ProblemException refusal(Refusal r, ServiceDefinition service, Operation op, String purpose,
            Set<String> categories) {
        ErrorCode code = new RefusalCode(r.code());
        return new ProblemException(code, r.detail() == null ? "Consent is needed for this call" : r.detail(),
                Map.of("service_id", service.id(), "operation_id", op.id(), "agency_id", service.agencyId(),
                        "purpose_id", r.purposeId() == null ? purpose : r.purposeId(),
                        "data_categories", List.copyOf(new TreeSet<>(categories)),
                        "lawful_basis", op.lawfulBasis()));
    }

    private Mono<CallResult> idempotent(Citizen citizen, ServiceDefinition service, Operation op, JsonNode body,
            String key, Permit permit) {
        if (op.idempotent() || key == null) {
            return callAgency(service, op, body, permit);
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            return Mono.error(new ProblemException(ConnectorError.IDEMPOTENCY_KEY_INVALID, "Idempotency-Key must be "
                    + "8 to 128 letters, digits, '-' or '_'", Map.of("service_id", service.id())));
        }
        String scoped = sha256(citizen.subjectRef() + "\n" + service.id() + "\n" + op.id() + "\n" + key);
        String fingerprint = sha256(body == null ? "" : body.toString());
        return idempotency.claim(scoped, fingerprint)
                .onErrorMap(e -> !(e instanceof ProblemException), e -> new ProblemException(
                        CommonError.SERVICE_UNAVAILABLE, "Idempotency keys cannot be checked now; retry later",
                        Map.of("service_id", service.id()), Map.of("Retry-After", "2"), e))
                .flatMap(claim -> {
                    if (claim instanceof IdempotencyStore.Completed done) {
                        return Mono.just(new CallResult(service.id(), op.id(), done.data(), true));
                    }
                    if (claim instanceof IdempotencyStore.InProgress) {
                        return Mono.error(new ProblemException(ConnectorError.IDEMPOTENCY_IN_PROGRESS,
                                "A request with this Idempotency-Key is still running", Map.of("service_id",
                                        service.id())));
                    }
                    if (claim instanceof IdempotencyStore.Mismatch) {
                        return Mono.error(new ProblemException(CommonError.IDEMPOTENCY_KEY_REUSED,
                                "This Idempotency-Key was used with a different request",
                                Map.of("service_id", service.id())));
                    }
                    return callAgency(service, op, body, permit)
                            .flatMap(r -> idempotency.complete(scoped, fingerprint, r.data()).thenReturn(r))
                            .onErrorResume(e -> idempotency.release(scoped).onErrorResume(x -> Mono.empty())
                                    .then(Mono.error(e)));
                });
    }

    private Mono<CallResult> callAgency(ServiceDefinition service, Operation op, JsonNode body, Permit permit) {
        return runtime.call(service, op, permit, body)
                .flatMap(r -> log(service, op, permit, op.allCategories(), "ok")
                        .thenReturn(new CallResult(service.id(), op.id(), r.body(), false)))
                .onErrorResume(ProblemException.class, e -> NOT_SENT.contains(e.error().code()) ? Mono.error(e)
                        : log(service, op, permit, op.sendsCategories(), e.error().code()).then(Mono.error(e)));
    }

    private Mono<Void> log(ServiceDefinition service, Operation op, Permit permit, Set<String> categories,
            String outcome) {
        // what the agency returned is recorded apart, for the notice of indirect collection (s25, R25.1)
        return Mono.defer(() -> disclosures.record(permit, new Disclosure(service.id(), op.id(), categories,
                clock.instant(), MDC.get("traceId"), outcome, "ok".equals(outcome) ? op.receivesCategories()
                        : Set.of())));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A consent refusal's own stable code, answered as 403. */
    record RefusalCode(String code) implements ErrorCode {
        @Override
        public int status() {
            return 403;
        }

        @Override
        public String title() {
            return "Consent does not allow this share";
        }
    }
}
