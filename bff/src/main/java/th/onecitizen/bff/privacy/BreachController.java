package th.onecitizen.bff.privacy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.onecitizen.bff.consent.Subjects;
import th.onecitizen.consent.ConsentError;
import th.onecitizen.consent.Page;
import th.onecitizen.consent.breach.Breach;
import th.onecitizen.consent.breach.BreachReport;
import th.onecitizen.consent.breach.BreachService;
import th.onecitizen.platform.error.ProblemException;

/**
 * The breach register (s37(4)), for the DPO only: recording a breach with its awareness time, the 72-hour clock,
 * the notice to the PDPC office and its document, and the in-app notices to affected citizens.
 */
@RestController
@RequestMapping(path = "/admin/v1/breaches", produces = MediaType.APPLICATION_JSON_VALUE)
public final class BreachController {

    private final BreachService breaches;

    public BreachController(BreachService breaches) {
        this.breaches = breaches;
    }

    /**
     * A breach as the DPO records it. Affected citizens are named by their opaque subject references.
     *
     * @param detectedAt       when it was detected
     * @param awareAt          when the controller became aware (the 72-hour clock starts here)
     * @param type             confidentiality, integrity or availability
     * @param recordCount      records affected
     * @param categories       data categories affected
     * @param riskLevel        none, risk or high
     * @param riskAssessment   the retained assessment
     * @param description      the nature of the breach
     * @param consequences     likely consequences
     * @param measures         measures taken or proposed
     * @param remediesTh       what citizens can do (Thai)
     * @param remediesEn       what citizens can do (English)
     * @param affectedSubjects the affected citizens' opaque references
     */
    public record BreachBody(@NotNull Instant detectedAt, @NotNull Instant awareAt, @NotBlank String type,
            @NotNull @Min(0) Integer recordCount, @NotNull @Size(min = 1, max = 50) List<@NotBlank String> categories,
            @NotBlank String riskLevel, @NotBlank @Size(max = 8000) String riskAssessment,
            @NotBlank @Size(max = 8000) String description, @NotBlank @Size(max = 4000) String consequences,
            @NotBlank @Size(max = 4000) String measures, @NotBlank @Size(max = 2000) String remediesTh,
            @NotBlank @Size(max = 2000) String remediesEn,
            @NotNull @Size(max = 100_000) List<@NotBlank @Size(max = 128) String> affectedSubjects) {
    }

    /**
     * The notice to the PDPC office.
     *
     * @param notifiedAt  when the office was notified
     * @param delayReason why it is later than 72 hours after awareness (required then)
     */
    public record OfficeNoticeBody(@NotNull Instant notifiedAt, @Size(max = 4000) String delayReason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Breach> record(@Valid @RequestBody BreachBody b) {
        return Operators.dpo().flatMap(dpo -> breaches.record(new BreachReport(b.detectedAt(), b.awareAt(), b.type(),
                b.recordCount(), b.categories(), b.riskLevel(), b.riskAssessment(), b.description(),
                b.consequences(), b.measures(), b.remediesTh(), b.remediesEn(), b.affectedSubjects()),
                dpo.clientId()));
    }

    /** The register; {@code beyond_outer_limit=true} lists only breaches notified (or not) past the 15 days. */
    @GetMapping
    Mono<Page<Breach>> list(@RequestParam(name = "beyond_outer_limit", defaultValue = "false") boolean beyond,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        int p = Subjects.page(page);
        int n = Subjects.size(size);
        return Operators.dpo().then(breaches.list(beyond, p, n));
    }

    @GetMapping("/{id}")
    Mono<Breach> one(@PathVariable UUID id) {
        return Operators.dpo().then(breaches.find(id))
                .switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.BREACH_NOT_FOUND,
                        "No such breach")));
    }

    @PostMapping(path = "/{id}/office-notification", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Breach> notifyOffice(@PathVariable UUID id, @Valid @RequestBody OfficeNoticeBody body) {
        return Operators.dpo().then(breaches.notifyOffice(id, body.notifiedAt(), body.delayReason()));
    }

    /** The notification document for the PDPC office (R37.4), in Thai and English. */
    @GetMapping("/{id}/office-notification")
    Mono<Map<String, Object>> officeNotice(@PathVariable UUID id) {
        return Operators.dpo().then(breaches.officeNotice(id));
    }

    @PostMapping("/{id}/subject-notifications")
    Mono<Breach> notifySubjects(@PathVariable UUID id) {
        return Operators.dpo().then(breaches.notifySubjects(id));
    }
}
