package th.onecitizen.bff.services;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.onecitizen.connectors.ConnectorsProperties;
import th.onecitizen.connectors.call.Citizen;
import th.onecitizen.connectors.call.ServiceCalls;
import th.onecitizen.bff.security.Callers;
import th.onecitizen.connectors.dashboard.Dashboard;
import th.onecitizen.connectors.dashboard.DashboardPins;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.RegistryError;
import th.onecitizen.registry.catalogue.Catalogue;
import th.onecitizen.registry.catalogue.CataloguePage;
import th.onecitizen.registry.catalogue.CatalogueQuery;
import th.onecitizen.registry.service.Assurance;
import th.onecitizen.registry.service.Operation;
import tools.jackson.databind.JsonNode;

/**
 * The app's catalogue, service calls and dashboard ({@code /v1}). Every endpoint is for a signed-in citizen: a
 * client's own token is refused with 403.
 */
@RestController
@RequestMapping(path = "/v1", produces = MediaType.APPLICATION_JSON_VALUE)
final class ServicesController {

    private static final java.util.regex.Pattern SERVICE_ID = java.util.regex.Pattern.compile(
            "[a-z0-9][a-z0-9-]{1,62}\\.[a-z0-9][a-z0-9-]{1,62}");

    private final Catalogue catalogue;
    private final ServiceCalls calls;
    private final Dashboard dashboard;
    private final DashboardPins pins;
    private final ConnectorsProperties connectors;

    ServicesController(Catalogue catalogue, ServiceCalls calls, Dashboard dashboard, DashboardPins pins,
            ConnectorsProperties connectors) {
        this.catalogue = catalogue;
        this.calls = calls;
        this.dashboard = dashboard;
        this.pins = pins;
        this.connectors = connectors;
    }

    /**
     * The services a citizen pins to their dashboard, in order.
     *
     * @param serviceIds active catalogue service ids, at most {@value DashboardPins#MAX_PINS}
     */
    record PinsBody(List<String> serviceIds) {
    }

    /** The signed-in citizen as the connector layer knows them (opaque subject, login assurance). */
    private static Mono<Citizen> citizen() {
        return Callers.citizen().map(p -> new Citizen(p.sub(), Assurance.fromAcr(p.acr()).orElse(null)));
    }

    @GetMapping("/services")
    Mono<ResponseEntity<Map<String, Object>>> search(@RequestParam(name = "q", defaultValue = "") String q,
            @RequestParam(name = "category", required = false) String category,
            @RequestParam(name = "page", defaultValue = "1") int page,
            @RequestParam(name = "size", defaultValue = "20") int size,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        if (q.length() > 200 || page < 1 || page > 10_000 || size < 1 || size > 100
                || category != null && !category.matches("[a-z][a-z0-9_]{1,39}")) {
            return Mono.error(new ProblemException(CommonError.INVALID_PARAMETER,
                    "q is at most 200 characters, page 1..10000, size 1..100, category a category code"));
        }
        Locale lang = Views.language(acceptLanguage);
        return citizen().flatMap(citizen -> catalogue.version().flatMap(version -> {
            CatalogueQuery query = new CatalogueQuery(q, category, lang, page, size, citizen.assurance());
            String etag = "W/\"" + Long.toHexString(version) + "-" + Integer.toHexString(
                    (q + "|" + category + "|" + page + "|" + size + "|" + lang + "|" + citizen.assurance()).hashCode())
                    + "\"";
            if (etag.equals(ifNoneMatch)) {
                return Mono.just(ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag)
                        .<Map<String, Object>>build());
            }
            return catalogue.search(query).map(p -> ResponseEntity.ok().eTag(etag)
                    .cacheControl(CacheControl.noCache().cachePrivate())
                    .header(HttpHeaders.CONTENT_LANGUAGE, lang.getLanguage())
                    .header(HttpHeaders.VARY, "Accept-Language, Authorization")
                    .body(page(p, lang, page, size)));
        }));
    }

    @GetMapping("/services/{serviceId}")
    Mono<ResponseEntity<Map<String, Object>>> service(@PathVariable String serviceId,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Locale lang = Views.language(acceptLanguage);
        return citizen().flatMap(citizen -> catalogue.find(serviceId)
                .switchIfEmpty(Mono.error(() -> new ProblemException(RegistryError.SERVICE_NOT_FOUND,
                        "Service " + Views.printable(serviceId) + " was not found")))
                .map(hit -> {
                    Map<String, Object> body = Views.summary(hit, lang, citizen.assurance());
                    body.put("operations", hit.service().content().operations().stream()
                            .map(op -> operation(op, lang)).toList());
                    return ResponseEntity.ok().header(HttpHeaders.CONTENT_LANGUAGE, lang.getLanguage())
                            .header(HttpHeaders.VARY, "Accept-Language").eTag("W/\"" + hit.service().version() + "\"")
                            .body(body);
                }));
    }

    @PostMapping(path = "/services/{serviceId}/operations/{operationId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> call(@PathVariable String serviceId, @PathVariable String operationId,
            @RequestBody(required = false) JsonNode body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return citizen().flatMap(c -> calls.invoke(c, serviceId, operationId, body, idempotencyKey)).map(r -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("service_id", r.serviceId());
            out.put("operation_id", r.operationId());
            out.put("replayed", r.replayed());
            out.put("data", r.data());
            return out;
        });
    }

    /** The citizen's dashboard: their pinned services, or the default set, fanned out under one budget. */
    @GetMapping("/dashboard")
    Mono<Map<String, Object>> dashboard() {
        return citizen().flatMap(c -> pins.pinned(c.subjectRef())
                .map(p -> Map.entry("pinned", p))
                .defaultIfEmpty(Map.entry("default", connectors.dashboard().defaultServices()))
                .flatMap(set -> dashboard.load(c, set.getValue(), connectors.dashboard().budget())
                        .map(items -> {
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put("budget_ms", connectors.dashboard().budget().toMillis());
                            body.put("source", set.getKey());
                            body.put("items", items.stream().map(ServicesController::item).toList());
                            return body;
                        })));
    }

    /** The services the citizen pinned, or the default set with {@code source: default}. */
    @GetMapping("/me/dashboard")
    Mono<Map<String, Object>> pinned() {
        return citizen().flatMap(c -> pins.pinned(c.subjectRef())
                .map(p -> pinsView("pinned", p))
                .defaultIfEmpty(pinsView("default", connectors.dashboard().defaultServices())));
    }

    /** Replaces the citizen's pinned services; each must be an active catalogue service. */
    @PutMapping(path = "/me/dashboard", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> pin(@RequestBody PinsBody body) {
        List<String> ids = body.serviceIds();
        if (ids == null || ids.size() > DashboardPins.MAX_PINS || ids.stream().distinct().count() != ids.size()
                || !ids.stream().allMatch(id -> id != null && SERVICE_ID.matcher(id).matches())) {
            return Mono.error(new ProblemException(CommonError.VALIDATION_FAILED, "service_ids must list at most "
                    + DashboardPins.MAX_PINS + " distinct service ids", Map.of("field", "service_ids")));
        }
        return citizen().flatMap(c -> reactor.core.publisher.Flux.fromIterable(ids)
                .filterWhen(id -> catalogue.find(id).hasElement().map(found -> !found))
                .collectList()
                .flatMap(unknown -> unknown.isEmpty() ? pins.pin(c.subjectRef(), ids)
                        : Mono.error(new ProblemException(CommonError.UNPROCESSABLE, "These services are not in the "
                                + "catalogue: " + unknown.stream().map(Views::printable).toList(),
                                Map.of("unknown_services", unknown.stream().map(Views::printable).toList()))))
                .map(saved -> pinsView("pinned", saved)));
    }

    private static Map<String, Object> pinsView(String source, List<String> ids) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("service_ids", ids);
        return m;
    }

    private static Map<String, Object> item(th.onecitizen.connectors.dashboard.DashboardItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_id", i.serviceId());
        m.put("status", i.status());
        m.put("code", i.code());
        m.put("latency_ms", i.latencyMillis());
        m.put("data", i.data());
        return m;
    }

    private static Map<String, Object> page(CataloguePage p, Locale lang, int page, int size) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", p.items().stream().map(h -> Views.summary(h, lang, null)).toList());
        body.put("page", page);
        body.put("size", size);
        body.put("total", p.total());
        body.put("facets", Map.of("category", p.facets()));
        return body;
    }

    private static Map<String, Object> operation(Operation op, Locale lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", op.id());
        m.put("name", op.name().in(lang));
        m.put("idempotent", op.idempotent());
        m.put("shares", Map.of("sent_to_agency", op.sendsCategories().stream().sorted().toList(),
                "received_from_agency", op.receivesCategories().stream().sorted().toList()));
        m.put("purpose", op.purposeId());
        m.put("lawful_basis", op.lawfulBasis());
        m.put("request_schema", op.requestSchema());
        return m;
    }
}
