package th.onecitizen.bff.privacy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.bff.consent.Subjects;
import th.onecitizen.consent.Page;
import th.onecitizen.consent.dsar.CorrectionTask;
import th.onecitizen.consent.dsar.PrivacyRequest;
import th.onecitizen.consent.dsar.PrivacyRequestService;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;

/**
 * The DPO's queue of privacy requests (s30-s36): by legal deadline, overdue ones flagged, and the actions that move
 * a request on. Every action is recorded in the request's history with the operator who took it.
 */
@RestController
@RequestMapping(path = "/admin/v1/privacy-requests", produces = MediaType.APPLICATION_JSON_VALUE)
public final class PrivacyRequestAdminController {

    private static final Set<String> STATUSES = Set.of("received", "in_progress", "fulfilled", "refused");

    private final PrivacyRequestService requests;

    public PrivacyRequestAdminController(PrivacyRequestService requests) {
        this.requests = requests;
    }

    /**
     * Starting work on a request.
     *
     * @param note what the DPO is doing
     */
    public record StartBody(@Size(max = 2000) String note) {
    }

    /**
     * Fulfilling a request.
     *
     * @param outcome what was done (or kept, and why)
     */
    public record FulfilBody(@NotBlank @Size(max = 4000) String outcome) {
    }

    /**
     * Refusing a request (s30, s32, s36): each ground with its reasons; they feed the ROPA (s39(7)).
     *
     * @param grounds the grounds
     */
    public record RefuseBody(@NotEmpty @Size(max = 10) List<@Valid @NotNull Ground> grounds) {
    }

    /**
     * One refusal ground.
     *
     * @param ground the legal ground, e.g. {@code s30_court_order}
     * @param text   the reasons
     */
    public record Ground(@NotBlank @Size(max = 120) String ground, @NotBlank @Size(max = 4000) String text) {
    }

    /**
     * Extending the deadline (R30.2).
     *
     * @param deadline the new deadline
     * @param legalRef the PDPC rule that allows it
     */
    public record ExtendBody(@NotNull Instant deadline, @NotBlank @Size(max = 200) String legalRef) {
    }

    @GetMapping
    Mono<Page<PrivacyRequest>> queue(@RequestParam(required = false) String status,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (status != null && !STATUSES.contains(status)) {
            return Mono.error(new ProblemException(CommonError.INVALID_PARAMETER,
                    "status must be received, in_progress, fulfilled or refused"));
        }
        int p = Subjects.page(page);
        int n = Subjects.size(size);
        return Operators.operator().then(requests.queue(status, overdue, p, n));
    }

    @GetMapping("/{id}")
    Mono<PrivacyRequest> one(@PathVariable UUID id) {
        return Operators.operator().then(requests.find(id));
    }

    @GetMapping("/{id}/corrections")
    Flux<CorrectionTask> corrections(@PathVariable UUID id) {
        return Operators.operator().thenMany(requests.corrections(id));
    }

    @PostMapping(path = "/{id}/start", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<PrivacyRequest> start(@PathVariable UUID id, @Valid @RequestBody StartBody body) {
        return Operators.operator().flatMap(op -> requests.transition(id, "in_progress",
                body.note() == null ? "Work started" : body.note(), op.clientId()));
    }

    @PostMapping(path = "/{id}/fulfil", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<PrivacyRequest> fulfil(@PathVariable UUID id, @Valid @RequestBody FulfilBody body) {
        return Operators.operator().flatMap(op -> requests.transition(id, "fulfilled", body.outcome(),
                op.clientId()));
    }

    @PostMapping(path = "/{id}/refuse", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<PrivacyRequest> refuse(@PathVariable UUID id, @Valid @RequestBody RefuseBody body) {
        return Operators.operator().flatMap(op -> requests.refuse(id, body.grounds().stream()
                .map(g -> new PrivacyRequest.RefusalGround(g.ground(), g.text())).toList(), op.clientId()));
    }

    @PostMapping(path = "/{id}/extend", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<PrivacyRequest> extend(@PathVariable UUID id, @Valid @RequestBody ExtendBody body) {
        return Operators.operator().then(requests.extend(id, body.deadline(), body.legalRef()));
    }
}
