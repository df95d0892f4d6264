package th.onecitizen.bff.consent;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import th.onecitizen.consent.dsar.PrivacyRequest;
import th.onecitizen.consent.dsar.PrivacyRequestService;
import th.onecitizen.consent.receipt.ReceiptSigner;

/** The citizen's privacy requests (s30-s36) and the public key set that verifies consent receipts. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
public final class CitizenPrivacyRequestController {

    private final PrivacyRequestService requests;
    private final ReceiptSigner receipts;
    private final IdempotentResponses idempotent;

    public CitizenPrivacyRequestController(PrivacyRequestService requests, ReceiptSigner receipts,
            IdempotentResponses idempotent) {
        this.requests = requests;
        this.receipts = receipts;
        this.idempotent = idempotent;
    }

    /**
     * A request being filed; the subject comes from the token, the status and deadline from the law.
     *
     * @param type      access, portability, objection, erasure, restriction or rectification
     * @param requester who files, when not the citizen
     * @param purposeId the purpose objected to (objection only)
     * @param details   what to correct (rectification)
     */
    public record FilingBody(@JsonProperty("type") @NotBlank String type,
            @JsonProperty("requester") @Valid Requester requester,
            @JsonProperty("purpose_id") @Size(max = 80) String purposeId,
            @JsonProperty("details") @Size(max = 4000) String details) {
    }

    /**
     * A representative.
     *
     * @param role     self or representative
     * @param proofRef the proof of authority
     */
    public record Requester(@JsonProperty("role") @NotBlank String role,
            @JsonProperty("proof_ref") @Size(max = 200) String proofRef) {
    }

    /**
     * Files a request once per Idempotency-Key (a retry answers the first response and files nothing more).
     * Objection and restriction take effect in every decision when this commits.
     */
    @PostMapping(path = "/v1/me/privacy-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, Object>> file(@RequestHeader("Idempotency-Key") String key,
            @Valid @RequestBody FilingBody body) {
        return Subjects.citizen().flatMap(subject -> idempotent.once(subject, key, "POST /privacy-requests "
                + idempotent.fingerprintOf(body), requests.file(new PrivacyRequestService.Filing(subject,
                        body.type(), body.requester() == null ? "self" : body.requester().role(),
                        body.requester() == null ? null : body.requester().proofRef(), body.purposeId(),
                        body.details(), "app"))));
    }

    @GetMapping("/v1/me/privacy-requests")
    Mono<Page<PrivacyRequest>> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        int p = Subjects.page(page);
        int n = Subjects.size(size);
        return Subjects.citizen().flatMap(s -> requests.list(s, p, n));
    }

    @GetMapping("/v1/me/privacy-requests/{id}")
    Mono<PrivacyRequest> one(@PathVariable UUID id) {
        return Subjects.citizen().flatMap(s -> requests.get(s, id));
    }

    @GetMapping("/v1/me/privacy-requests/{id}/export")
    Mono<Map<String, Object>> export(@PathVariable UUID id) {
        return Subjects.citizen().flatMap(s -> requests.export(s, id));
    }

    /** The public keys that verify consent receipts (public members only). */
    @GetMapping(path = "/v1/consent-receipts/jwks", produces = {"application/jwk-set+json",
        MediaType.APPLICATION_JSON_VALUE})
    Map<String, Object> jwks() {
        return receipts.publicJwks();
    }
}
