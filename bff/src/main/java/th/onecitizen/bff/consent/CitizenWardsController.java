package th.onecitizen.bff.consent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.Page;
import th.onecitizen.consent.grant.ConsentChange;
import th.onecitizen.consent.grant.ConsentService;
import th.onecitizen.consent.grant.ConsentView;
import th.onecitizen.consent.grant.GrantCommand;
import th.onecitizen.consent.representation.Representations;

/**
 * A custodian's or curator's consents for their wards (PDPA s20, R20.3). The representative signs in as themself;
 * the representation registered from the court order, not the request, says whom they act for and in which role.
 * A ward the caller does not represent (or no longer does) answers 404, as anyone else's records do (S-AC-01).
 */
@RestController
@RequestMapping(path = "/v1/me/wards", produces = MediaType.APPLICATION_JSON_VALUE)
public final class CitizenWardsController {

    private final ConsentService consents;
    private final Representations representations;
    private final IdempotentResponses idempotent;

    public CitizenWardsController(ConsentService consents, Representations representations,
            IdempotentResponses idempotent) {
        this.consents = consents;
        this.representations = representations;
        this.idempotent = idempotent;
    }

    /**
     * A grant for the ward: one purpose, the notice version shown, and the representative's explicit act. The role
     * and proof of authority come from the representation in force.
     *
     * @param purposeId     the one purpose of this choice
     * @param noticeVersion the notice version shown
     * @param language      th or en
     * @param explicitAct   true only when the representative ticked an unticked control
     */
    public record WardGrantBody(@NotBlank @Size(max = 80) String purposeId, @NotNull @Min(1) Integer noticeVersion,
            @NotBlank String language, @NotNull Boolean explicitAct) {
    }

    /** The representations in force that the caller holds. */
    @GetMapping
    Mono<Map<String, Object>> wards() {
        return Subjects.citizen().flatMap(s -> representations.wardsOf(s).collectList())
                .map(items -> Map.<String, Object>of("items", items));
    }

    @GetMapping("/{wardRef}/consents")
    Mono<Page<ConsentView>> consents(@PathVariable @Size(max = 128) String wardRef,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        int p = Subjects.page(page);
        int n = Subjects.size(size);
        return Subjects.citizen().flatMap(s -> representations.inForce(wardRef, s))
                .flatMap(r -> consents.list(r.wardRef(), null, p, n));
    }

    @PostMapping(path = "/{wardRef}/consents", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, Object>> grant(@RequestHeader("Idempotency-Key") String key,
            @PathVariable @Size(max = 128) String wardRef, @Valid @RequestBody WardGrantBody body) {
        return Subjects.citizen().flatMap(representative -> {
            GrantCommand asked = new GrantCommand(wardRef, body.purposeId(), body.noticeVersion(), body.language(),
                    body.explicitAct(), null, null, null, null, "app");
            return once(representative, key, "POST /wards/" + wardRef + "/consents "
                    + idempotent.fingerprintOf(body), consents.grantForWard(representative, wardRef, asked));
        });
    }

    @PostMapping("/{wardRef}/consents/{consentId}/withdraw")
    Mono<Map<String, Object>> withdraw(@RequestHeader("Idempotency-Key") String key,
            @PathVariable @Size(max = 128) String wardRef, @PathVariable UUID consentId) {
        return Subjects.citizen().flatMap(representative -> once(representative, key, "POST /wards/" + wardRef
                + "/consents/" + consentId + "/withdraw", consents.withdrawForWard(representative, wardRef,
                        consentId, "app")));
    }

    private Mono<Map<String, Object>> once(String subject, String key, String request, Mono<ConsentChange> action) {
        return idempotent.once(subject, key, request, action.map(c -> Map.of("consent", c.consent(), "receipt",
                c.receipt())));
    }
}
