package th.onecitizen.bff.consent;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.onecitizen.connectors.privacy.AgencyAnswer;
import th.onecitizen.connectors.privacy.AgencyPrivacy;
import th.onecitizen.connectors.privacy.PrivacyRight;
import th.onecitizen.consent.accesslog.AccessLog;
import th.onecitizen.consent.decision.RightsPermits;
import th.onecitizen.consent.dsar.PortabilityTransfers;
import th.onecitizen.consent.dsar.PrivacyRequest;
import th.onecitizen.consent.dsar.PrivacyRequestService;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.service.ServiceStore;

/**
 * Direct transmission of a portability export to another controller (s31, R31.1). The receiver must be a
 * registered agency whose connector declares a portability-receive endpoint; the export goes there through the
 * connector runtime (its credential, a signed citizen assertion with the receiver's pairwise subject, the egress
 * policy). Every attempt is recorded: delivered, refused (the controller cannot receive, with the reason) or failed.
 */
@RestController
public final class PortabilityTransferController {

    private final PrivacyRequestService requests;
    private final PortabilityTransfers transfers;
    private final RightsPermits permits;
    private final AgencyPrivacy agencies;
    private final ServiceStore registry;
    private final AccessLog accessLog;
    private final IdempotentResponses idempotent;

    public PortabilityTransferController(PrivacyRequestService requests, PortabilityTransfers transfers,
            RightsPermits permits, AgencyPrivacy agencies, ServiceStore registry, AccessLog accessLog,
            IdempotentResponses idempotent) {
        this.requests = requests;
        this.transfers = transfers;
        this.permits = permits;
        this.agencies = agencies;
        this.registry = registry;
        this.accessLog = accessLog;
        this.idempotent = idempotent;
    }

    /**
     * The controller to send the export to.
     *
     * @param controllerId the receiving controller's id (a registered agency)
     */
    public record TransferBody(@JsonProperty("controller_id") @NotBlank
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}") String controllerId) {
    }

    /** Sends the export of a fulfilled portability request to {@code controller_id}, once per Idempotency-Key. */
    @PostMapping(path = "/v1/me/privacy-requests/{id}/transfers", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, Object>> transfer(@PathVariable UUID id, @RequestHeader("Idempotency-Key") String key,
            @Valid @RequestBody TransferBody body) {
        return Subjects.citizen().flatMap(subject -> idempotent.once(subject, key, "POST /privacy-requests/" + id
                + "/transfers " + body.controllerId(), requests.get(subject, id)
                        .flatMap(r -> send(subject, r, body.controllerId()))));
    }

    /** Every transmission of the request, delivered or refused. */
    @GetMapping(path = "/v1/me/privacy-requests/{id}/transfers", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<PortabilityTransfers.Transfer>> list(@PathVariable UUID id) {
        return Subjects.citizen().flatMap(subject -> requests.get(subject, id))
                .flatMap(r -> transfers.of(r.id()).collectList());
    }

    private Mono<PortabilityTransfers.Transfer> send(String subject, PrivacyRequest r, String controller) {
        if (!"portability".equals(r.type()) || !"fulfilled".equals(r.status())) {
            return Mono.error(new ProblemException(CommonError.CONFLICT, "Only the export of a fulfilled "
                    + "portability request can be sent to another controller"));
        }
        return registry.findAgency(controller).hasElement().flatMap(known -> !known
                ? transfers.record(r.id(), controller, "refused", "not a registered controller: the export can be "
                        + "downloaded and handed over by the citizen", null)
                : agencies.supports(controller, PrivacyRight.PORTABILITY_RECEIVE).flatMap(can -> !can
                        ? transfers.record(r.id(), controller, "refused", "the controller cannot receive exports "
                                + "directly (it declares no portability-receive endpoint)", null)
                        : deliver(subject, r, controller)));
    }

    private Mono<PortabilityTransfers.Transfer> deliver(String subject, PrivacyRequest r, String controller) {
        Mono<Set<String>> categories = accessLog.recipients(subject).map(all -> {
            Set<String> c = new TreeSet<>(Set.of("consent_records"));
            all.values().forEach(c::addAll);
            return c;
        });
        return Mono.zip(requests.export(subject, r.id()), categories)
                .flatMap(t -> permits.forRequest(subject, r.id(), controller, t.getT2())
                        .flatMap(p -> agencies.send(controller, PrivacyRight.PORTABILITY_RECEIVE, p,
                                forReceiver(t.getT1()))))
                .flatMap(a -> record(r, controller, a));
    }

    /** The export without OneCitizen's internal subject reference: the receiver knows its own pairwise subject. */
    private static Map<String, Object> forReceiver(Map<String, Object> export) {
        Map<String, Object> doc = new LinkedHashMap<>(export);
        doc.remove("subject_ref");
        return doc;
    }

    private Mono<PortabilityTransfers.Transfer> record(PrivacyRequest r, String controller, AgencyAnswer a) {
        return switch (a.status()) {
            case "accepted" -> transfers.record(r.id(), controller, "delivered", null, a.body() == null ? null
                    : a.body().path("reference").asString(null));
            case "rejected", "not_supported" -> transfers.record(r.id(), controller, "refused",
                    "the controller refused the export: " + a.detail(), null);
            default -> transfers.record(r.id(), controller, "failed", a.status() + (a.error() == null ? ""
                    : " (" + a.error() + ")") + "; the citizen may try again", null);
        };
    }
}
