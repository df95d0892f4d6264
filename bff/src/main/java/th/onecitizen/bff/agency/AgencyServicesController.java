package th.onecitizen.bff.agency;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import th.onecitizen.bff.security.Callers;
import th.onecitizen.bff.security.ClientPrincipal;
import th.onecitizen.connectors.runtime.ConnectorHealth;
import th.onecitizen.connectors.runtime.ConnectorRuntime;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.RegistryError;
import th.onecitizen.registry.onboarding.ServiceOnboarding;
import th.onecitizen.registry.service.Assurance;
import th.onecitizen.registry.service.ConnectorSpec;
import th.onecitizen.registry.service.LocalizedText;
import th.onecitizen.registry.service.Operation;
import th.onecitizen.registry.service.ServiceDefinition;
import th.onecitizen.registry.service.ServiceDefinition.ServiceContent;

/**
 * The agency API ({@code /agency/v1}): an agency's client manages its own services, their operations and connector,
 * and sees their health. The agency is always the token's {@code agency_id}, never a path or body value; another
 * agency's service answers 404 on every endpoint, so its existence does not leak (S-AC-02). Status and owner are
 * not fields of any request body: sending them is refused as an unknown field (S-IN-05).
 */
@RestController
@RequestMapping(path = "/agency/v1/services", produces = MediaType.APPLICATION_JSON_VALUE)
final class AgencyServicesController {

    private final ServiceOnboarding onboarding;
    private final ConnectorRuntime runtime;

    AgencyServicesController(ServiceOnboarding onboarding, ConnectorRuntime runtime) {
        this.onboarding = onboarding;
        this.runtime = runtime;
    }

    /**
     * A new service: the agency-chosen slug (the id becomes {@code <agency>.<slug>}) and its content.
     *
     * @param slug         2 to 63 lowercase letters, digits or hyphens
     * @param name         Thai and English name
     * @param description  Thai and English description
     * @param category     the catalogue category
     * @param tags         search tags
     * @param minAssurance the least assurance a citizen needs
     * @param operations   the operations
     * @param connector    the connector spec
     */
    record NewService(String slug, LocalizedText name, LocalizedText description, String category, Set<String> tags,
            Assurance minAssurance, List<Operation> operations, ConnectorSpec connector) {

        ServiceContent content() {
            return new ServiceContent(ServiceDocuments.required(name, "name"),
                    ServiceDocuments.required(description, "description"),
                    ServiceDocuments.required(category, "category"), tags,
                    ServiceDocuments.required(minAssurance, "min_assurance"), operations,
                    ServiceDocuments.required(connector, "connector"));
        }
    }

    private static Mono<String> agency() {
        return Callers.client().map(ClientPrincipal::agencyId).filter(a -> a != null && !a.isBlank())
                .switchIfEmpty(Mono.error(() -> new ProblemException(CommonError.FORBIDDEN,
                        "This needs an agency client's token")));
    }

    private static Mono<ClientPrincipal> caller() {
        return Callers.client().filter(c -> c.agencyId() != null && !c.agencyId().isBlank())
                .switchIfEmpty(Mono.error(() -> new ProblemException(CommonError.FORBIDDEN,
                        "This needs an agency client's token")));
    }

    @GetMapping
    Mono<Map<String, Object>> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        ServiceDocuments.checkPage(page, size);
        return agency().flatMap(a -> onboarding.list(a).collectList())
                .map(all -> ServiceDocuments.page(all, page, size));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> create(@RequestBody NewService body) {
        return caller().flatMap(c -> onboarding.create(c.agencyId(), ServiceDocuments.required(body.slug(), "slug"),
                body.content(), c.clientId()))
                .map(d -> ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create("/agency/v1/services/" + d.id()))
                        .header(HttpHeaders.ETAG, "\"" + d.version() + "\"")
                        .body(ServiceDocuments.of(d)));
    }

    @GetMapping("/{serviceId}")
    Mono<ResponseEntity<Map<String, Object>>> get(@PathVariable String serviceId) {
        return agency().flatMap(a -> onboarding.get(a, serviceId)).map(ServiceDocuments::ok);
    }

    /** Replaces the whole content; If-Match (the ETag of a version) guards against lost updates. */
    @PutMapping(path = "/{serviceId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> update(@PathVariable String serviceId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ServiceContent body) {
        int expected = ServiceDocuments.expectedVersion(ifMatch);
        return caller().flatMap(c -> onboarding.update(c.agencyId(), serviceId, expected, body, c.clientId()))
                .map(ServiceDocuments::ok);
    }

    /** Replaces the connector spec; a changed target of an approved service sends it back to pending (S-AC-04). */
    @PutMapping(path = "/{serviceId}/connector", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> connector(@PathVariable String serviceId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ConnectorSpec body) {
        int expected = ServiceDocuments.expectedVersion(ifMatch);
        return caller().flatMap(c -> onboarding.get(c.agencyId(), serviceId).flatMap(current -> {
            ServiceContent was = current.content();
            ServiceContent next = new ServiceContent(was.name(), was.description(), was.category(), was.tags(),
                    was.minAssurance(), was.operations(), body);
            return onboarding.update(c.agencyId(), serviceId, expected, next, c.clientId());
        })).map(ServiceDocuments::ok);
    }

    /** Adds or replaces one operation; the body's id must be the path's. */
    @PutMapping(path = "/{serviceId}/operations/{operationId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> operation(@PathVariable String serviceId,
            @PathVariable String operationId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody Operation body) {
        int expected = ServiceDocuments.expectedVersion(ifMatch);
        return caller().flatMap(c -> onboarding.get(c.agencyId(), serviceId).flatMap(current -> {
            if (!operationId.equals(body.id())) {
                return Mono.error(new ProblemException(CommonError.VALIDATION_FAILED, "The operation's id must be "
                        + "the one in the path", Map.of("field", "id")));
            }
            List<Operation> ops = new ArrayList<>(current.content().operations());
            int at = indexOf(ops, operationId);
            if (at < 0) {
                ops.add(body);
            } else {
                ops.set(at, body);
            }
            return onboarding.update(c.agencyId(), serviceId, expected, withOperations(current, ops),
                    c.clientId());
        })).map(ServiceDocuments::ok);
    }

    @DeleteMapping("/{serviceId}/operations/{operationId}")
    Mono<ResponseEntity<Map<String, Object>>> removeOperation(@PathVariable String serviceId,
            @PathVariable String operationId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        int expected = ServiceDocuments.expectedVersion(ifMatch);
        return caller().flatMap(c -> onboarding.get(c.agencyId(), serviceId).flatMap(current -> {
            List<Operation> ops = new ArrayList<>(current.content().operations());
            int at = indexOf(ops, operationId);
            if (at < 0) {
                return Mono.error(new ProblemException(RegistryError.OPERATION_NOT_FOUND, "Service " + serviceId
                        + " has no such operation"));
            }
            ops.remove(at);
            return onboarding.update(c.agencyId(), serviceId, expected, withOperations(current, ops),
                    c.clientId());
        })).map(ServiceDocuments::ok);
    }

    /** Submits a draft for an operator's approval. */
    @PostMapping("/{serviceId}/submit")
    Mono<ResponseEntity<Map<String, Object>>> submit(@PathVariable String serviceId) {
        return caller().flatMap(c -> onboarding.submit(c.agencyId(), serviceId, c.clientId()))
                .map(ServiceDocuments::ok);
    }

    /** The connector's health: breaker state, calls by outcome, latency percentiles. */
    @GetMapping("/{serviceId}/health")
    Mono<ConnectorHealth> health(@PathVariable String serviceId) {
        return agency().flatMap(a -> onboarding.get(a, serviceId)).map(runtime::health);
    }

    private static int indexOf(List<Operation> ops, String id) {
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static ServiceContent withOperations(ServiceDefinition current, List<Operation> ops) {
        ServiceContent was = current.content();
        return new ServiceContent(was.name(), was.description(), was.category(), was.tags(), was.minAssurance(),
                ops, was.connector());
    }
}
