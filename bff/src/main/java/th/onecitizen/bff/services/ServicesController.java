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
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.onecitizen.connectors.ConnectorsProperties;
import th.onecitizen.connectors.call.Citizen;
import th.onecitizen.connectors.call.ServiceCalls;
import th.onecitizen.connectors.dashboard.Dashboard;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.RegistryError;
import th.onecitizen.registry.catalogue.Catalogue;
import th.onecitizen.registry.catalogue.CataloguePage;
import th.onecitizen.registry.catalogue.CatalogueQuery;
import th.onecitizen.registry.service.Operation;
import tools.jackson.databind.JsonNode;

/** The app's catalogue, service calls and dashboard ({@code /v1}). */
@RestController
@RequestMapping(path = "/v1", produces = MediaType.APPLICATION_JSON_VALUE)
final class ServicesController {

    private final Catalogue catalogue;
    private final ServiceCalls calls;
    private final Dashboard dashboard;
    private final ConnectorsProperties connectors;

    ServicesController(Catalogue catalogue, ServiceCalls calls, Dashboard dashboard, ConnectorsProperties connectors) {
        this.catalogue = catalogue;
        this.calls = calls;
        this.dashboard = dashboard;
        this.connectors = connectors;
    }

    @GetMapping("/services")
    Mono<ResponseEntity<Map<String, Object>>> search(@RequestParam(name = "q", defaultValue = "") String q,
            @RequestParam(name = "category", required = false) String category,
            @RequestParam(name = "page", defaultValue = "1") int page,
            @RequestParam(name = "size", defaultValue = "20") int size,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            Authentication auth) {
        if (q.length() > 200 || page < 1 || page > 10_000 || size < 1 || size > 100
                || category != null && !category.matches("[a-z][a-z0-9_]{1,39}")) {
            return Mono.error(new ProblemException(CommonError.INVALID_PARAMETER,
                    "q is at most 200 characters, page 1..10000, size 1..100, category a category code"));
        }
        Locale lang = Views.language(acceptLanguage);
        Citizen citizen = Callers.citizen(auth);
        CatalogueQuery query = new CatalogueQuery(q, category, lang, page, size, citizen.assurance());
        return catalogue.version().flatMap(version -> {
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
        });
    }

    @GetMapping("/services/{serviceId}")
    Mono<ResponseEntity<Map<String, Object>>> service(@PathVariable String serviceId,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            Authentication auth) {
        Locale lang = Views.language(acceptLanguage);
        Citizen citizen = Callers.citizen(auth);
        return catalogue.find(serviceId)
                .switchIfEmpty(Mono.error(() -> new ProblemException(RegistryError.SERVICE_NOT_FOUND,
                        "Service " + Views.printable(serviceId) + " was not found")))
                .map(hit -> {
                    Map<String, Object> body = Views.summary(hit, lang, citizen.assurance());
                    body.put("operations", hit.service().content().operations().stream()
                            .map(op -> operation(op, lang)).toList());
                    return ResponseEntity.ok().header(HttpHeaders.CONTENT_LANGUAGE, lang.getLanguage())
                            .header(HttpHeaders.VARY, "Accept-Language").eTag("W/\"" + hit.service().version() + "\"")
                            .body(body);
                });
    }

    @PostMapping(path = "/services/{serviceId}/operations/{operationId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> call(@PathVariable String serviceId, @PathVariable String operationId,
            @RequestBody(required = false) JsonNode body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Authentication auth) {
        return calls.invoke(Callers.citizen(auth), serviceId, operationId, body, idempotencyKey).map(r -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("service_id", r.serviceId());
            out.put("operation_id", r.operationId());
            out.put("replayed", r.replayed());
            out.put("data", r.data());
            return out;
        });
    }

    @GetMapping("/dashboard")
    Mono<Map<String, Object>> dashboard(Authentication auth) {
        List<String> services = connectors.dashboard().defaultServices();
        return dashboard.load(Callers.citizen(auth), services, connectors.dashboard().budget())
                .map(items -> Map.of("budget_ms", connectors.dashboard().budget().toMillis(), "items",
                        items.stream().map(i -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("service_id", i.serviceId());
                            m.put("status", i.status());
                            m.put("code", i.code());
                            m.put("latency_ms", i.latencyMillis());
                            m.put("data", i.data());
                            return m;
                        }).toList()));
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
