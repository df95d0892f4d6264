package th.onecitizen.bff.consent;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.Page;
import th.onecitizen.consent.accesslog.AccessLog;
import th.onecitizen.consent.accesslog.AccessLogEntry;
import th.onecitizen.consent.accesslog.AccessLogFilter;
import th.onecitizen.consent.breach.Notifications;
import th.onecitizen.consent.grant.ConsentChange;
import th.onecitizen.consent.grant.ConsentService;
import th.onecitizen.consent.grant.ConsentView;
import th.onecitizen.consent.grant.GrantCommand;
import th.onecitizen.consent.receipt.ConsentReceipt;

/**
 * The citizen's consents, access log and notifications. The subject is always the token's subject, never a path
 * or body value, so one citizen can never reach another's records (S-AC-01: anyone else's id answers 404).
 */
@RestController
@RequestMapping(path = "/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
public final class CitizenConsentController {

    private final ConsentService consents;
    private final AccessLog accessLog;
    private final Notifications notifications;
    private final IdempotentResponses idempotent;

    public CitizenConsentController(ConsentService consents, AccessLog accessLog, Notifications notifications,
            IdempotentResponses idempotent) {
        this.consents = consents;
        this.accessLog = accessLog;
        this.notifications = notifications;
        this.idempotent = idempotent;
    }

    /**
     * A grant: one purpose, the notice version shown, and the citizen's own explicit act. Unknown fields (a
     * status, a subject, a hash) are refused by the strict JSON reader (S-IN-05).
     *
     * @param purposeId     the one purpose of this choice
     * @param noticeVersion the notice version shown
     * @param language      th or en
     * @param explicitAct   true only when the citizen ticked an unticked control
     * @param actor         who acts, when not the citizen
     * @param guardian      the co-consenting guardian of a minor
     */
    public record GrantBody(@JsonProperty("purpose_id") @NotBlank @Size(max = 80) String purposeId,
            @JsonProperty("notice_version") @NotNull @Min(1) Integer noticeVersion,
            @JsonProperty("language") @NotBlank String language,
            @JsonProperty("explicit_act") @NotNull Boolean explicitAct,
            @JsonProperty("actor") @Valid Party actor,
            @JsonProperty("guardian") @Valid Party guardian) {
    }

    /**
     * A representative or guardian.
     *
     * @param role         parent, custodian or curator
     * @param authorityRef the proof of authority
     */
    public record Party(@JsonProperty("role") @NotBlank String role,
            @JsonProperty("authority_ref") @Size(max = 200) String authorityRef) {
    }

    @GetMapping("/consents")
    Mono<Page<ConsentView>> list(@RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        String wanted = state == null ? null : Subjects.state(state);
        int p = Subjects.page(page);
        int n = Subjects.size(size);
        return Subjects.citizen().flatMap(s -> consents.list(s, wanted, p, n));
    }

    @GetMapping("/consents/{consentId}")
    Mono<ConsentView> one(@PathVariable UUID consentId) {
        return Subjects.citizen().flatMap(s -> consents.view(s, consentId));
    }

    @GetMapping("/consents/{consentId}/receipts")
    Flux<ConsentReceipt> receipts(@PathVariable UUID consentId) {
        return Subjects.citizen().flatMapMany(s -> consents.receipts(s, consentId));
    }

    @PostMapping(path = "/consents", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, Object>> grant(@RequestHeader("Idempotency-Key") String key,
            @Valid @RequestBody GrantBody body) {
        return Subjects.citizen().flatMap(subject -> {
            GrantCommand command = new GrantCommand(subject, body.purposeId(), body.noticeVersion(),
                    body.language(), body.explicitAct(), body.actor() == null ? "self" : body.actor().role(),
                    body.actor() == null ? null : body.actor().authorityRef(),
                    body.guardian() == null ? null : body.guardian().role(),
                    body.guardian() == null ? null : body.guardian().authorityRef(), "app");
            return once(subject, key, "POST /consents " + idempotent.fingerprintOf(body), consents.grant(command));
        });
    }

    @PostMapping("/consents/{consentId}/withdraw")
    Mono<Map<String, Object>> withdraw(@RequestHeader("Idempotency-Key") String key, @PathVariable UUID consentId) {
        return Subjects.citizen().flatMap(subject -> once(subject, key, "POST /consents/" + consentId + "/withdraw",
                consents.withdraw(subject, consentId, "app")));
    }

    private Mono<Map<String, Object>> once(String subject, String key, String request, Mono<ConsentChange> action) {
        return idempotent.once(subject, key, request, action.map(c -> Map.of("consent", c.consent(), "receipt",
                c.receipt())));
    }

    @GetMapping("/access-log")
    Mono<Page<AccessLogEntry>> accessLog(@RequestParam(required = false) @Size(max = 80) String agency,
            @RequestParam(required = false) @Size(max = 80) String category,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        AccessLogFilter filter = new AccessLogFilter(agency, category, from, to);
        int p = Subjects.page(page);
        int n = Subjects.size(size);
        return Subjects.citizen().flatMap(s -> accessLog.find(s, filter, p, n));
    }

    @GetMapping("/notifications")
    Mono<Page<Notifications.Notification>> notifications(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        int p = Subjects.page(page);
        int n = Subjects.size(size);
        return Subjects.citizen().flatMap(s -> notifications.list(s, p, n));
    }
}
