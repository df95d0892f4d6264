package th.onecitizen.bff.admin;

import java.util.Comparator;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.onecitizen.bff.agency.ServiceDocuments;
import th.onecitizen.bff.security.Callers;
import th.onecitizen.bff.security.ClientPrincipal;
import th.onecitizen.connectors.runtime.ConnectorHealth;
import th.onecitizen.connectors.runtime.ConnectorRuntime;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.onboarding.ServiceAdministration;
import th.onecitizen.registry.service.ServiceStatus;

/**
 * The operators' view of the registry ({@code /admin/v1}, operators and the DPO only): every agency's services,
 * approval, suspension and retirement, and connector health. An operator who acts for an agency cannot approve that
 * agency's own service (S-AC-04).
 */
@RestController
@RequestMapping(path = "/admin/v1/services", produces = MediaType.APPLICATION_JSON_VALUE)
final class AdminServicesController {

    private final ServiceAdministration administration;
    private final ConnectorRuntime runtime;

    AdminServicesController(ServiceAdministration administration, ConnectorRuntime runtime) {
        this.administration = administration;
        this.runtime = runtime;
    }

    /** Services by lifecycle state and/or agency, ordered by id. */
    @GetMapping
    Mono<Map<String, Object>> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String agency, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        ServiceDocuments.checkPage(page, size);
        ServiceStatus wanted = status(status);
        if (agency != null && !agency.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            return Mono.error(new ProblemException(CommonError.INVALID_PARAMETER, "agency must be an agency id"));
        }
        return Callers.client().then(administration.list(agency)
                .filter(s -> wanted == null || s.status() == wanted)
                .collectSortedList(Comparator.comparing(s -> s.id())))
                .map(all -> ServiceDocuments.page(all, page, size));
    }

    @GetMapping("/{serviceId}")
    Mono<ResponseEntity<Map<String, Object>>> get(@PathVariable String serviceId) {
        return Callers.client().then(administration.get(serviceId)).map(ServiceDocuments::ok);
    }

    @PostMapping("/{serviceId}/approve")
    Mono<ResponseEntity<Map<String, Object>>> approve(@PathVariable String serviceId) {
        return Callers.client().flatMap(c -> administration.approve(serviceId, actor(c), c.agencyId()))
                .map(ServiceDocuments::ok);
    }

    @PostMapping("/{serviceId}/suspend")
    Mono<ResponseEntity<Map<String, Object>>> suspend(@PathVariable String serviceId) {
        return Callers.client().flatMap(c -> administration.suspend(serviceId, actor(c)))
                .map(ServiceDocuments::ok);
    }

    @PostMapping("/{serviceId}/retire")
    Mono<ResponseEntity<Map<String, Object>>> retire(@PathVariable String serviceId) {
        return Callers.client().flatMap(c -> administration.retire(serviceId, actor(c)))
                .map(ServiceDocuments::ok);
    }

    /** The connector's health: breaker state, calls by outcome, latency percentiles. */
    @GetMapping("/{serviceId}/health")
    Mono<ConnectorHealth> health(@PathVariable String serviceId) {
        return Callers.client().then(administration.get(serviceId)).map(runtime::health);
    }

    private static String actor(ClientPrincipal c) {
        return "operator:" + c.clientId();
    }

    private static ServiceStatus status(String code) {
        if (code == null) {
            return null;
        }
        for (ServiceStatus s : ServiceStatus.values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        throw new ProblemException(CommonError.INVALID_PARAMETER,
                "status must be draft, pending, active, suspended or retired");
    }
}
