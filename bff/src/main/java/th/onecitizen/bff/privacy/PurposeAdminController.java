package th.onecitizen.bff.privacy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
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
import th.onecitizen.consent.purpose.Notice;
import th.onecitizen.consent.purpose.PublishedPurpose;
import th.onecitizen.consent.purpose.PurposeCatalog;
import th.onecitizen.consent.purpose.PurposeDraft;
import th.onecitizen.platform.error.ProblemException;

/**
 * Registering purposes and publishing new notice versions (s21-s28). Every PDPA rule is checked by the consent
 * module before anything is stored (422 {@code invalid_purpose} listing each violation); notices are immutable, a
 * revision is a new version, and a material one asks citizens again.
 */
@RestController
@RequestMapping(path = "/admin/v1/purposes", produces = MediaType.APPLICATION_JSON_VALUE)
public final class PurposeAdminController {

    private final PurposeCatalog purposes;

    public PurposeAdminController(PurposeCatalog purposes) {
        this.purposes = purposes;
    }

    /**
     * A purpose and its notice, as an operator submits it (see {@link PurposeDraft} for each field).
     *
     * @param id                   the purpose id (registration only; ignored in the path of a revision)
     * @param agencyId             the recipient agency
     * @param operations           registry operations mapped onto the purpose
     * @param basis                the lawful basis code
     * @param legalRef             legal reference (required unless consent)
     * @param approvedBy           approver (required unless consent)
     * @param sensitiveException   s26 exception code
     * @param categories           minimal data categories
     * @param recipients           recipient categories
     * @param retentionDays        retention at the recipient, in days
     * @param crossBorder          none, adequate, safeguards, informed_consent or inadequate
     * @param crossBorderCountry   destination country when abroad
     * @param minorMayConsentAlone whether a minor of ten or more may consent alone
     * @param requiredBy           law, contract or none
     * @param processors           processors
     * @param securityMeasures     security measures
     * @param titleTh              title (Thai)
     * @param titleEn              title (English)
     * @param bodyTh               text (Thai)
     * @param bodyEn               text (English)
     * @param refusalEffectTh      effect of refusing or withdrawing (Thai)
     * @param refusalEffectEn      effect of refusing or withdrawing (English)
     * @param material             for a revision: the operator declares the change material
     */
    public record PurposeBody(@Size(max = 80) String id, @NotBlank @Size(max = 80) String agencyId,
            @Size(max = 50) List<@NotBlank @Size(max = 120) String> operations, @NotBlank String basis,
            @Size(max = 500) String legalRef, @Size(max = 200) String approvedBy, String sensitiveException,
            @NotNull @Size(min = 1, max = 50) Set<@NotBlank String> categories,
            @NotNull @Size(max = 20) List<@NotBlank @Size(max = 200) String> recipients,
            @NotNull Integer retentionDays, @NotBlank String crossBorder, @Size(max = 80) String crossBorderCountry,
            Boolean minorMayConsentAlone, @NotBlank String requiredBy,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> processors,
            @Size(max = 4000) String securityMeasures, String titleTh, String titleEn, String bodyTh,
            String bodyEn, String refusalEffectTh, String refusalEffectEn, Boolean material) {

        PurposeDraft draft() {
            return new PurposeDraft(agencyId, operations, basis, legalRef, approvedBy, sensitiveException,
                    categories, recipients, retentionDays, crossBorder, crossBorderCountry,
                    Boolean.TRUE.equals(minorMayConsentAlone), requiredBy, processors, securityMeasures, titleTh,
                    titleEn, bodyTh, bodyEn, refusalEffectTh, refusalEffectEn, Boolean.TRUE.equals(material));
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PublishedPurpose> register(@Valid @RequestBody PurposeBody body) {
        return Operators.operator().then(Mono.defer(() -> purposes.register(body.id(), body.draft())));
    }

    /** Publishes a revision as the next notice version. */
    @PostMapping(path = "/{purposeId}/notices", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PublishedPurpose> revise(@PathVariable String purposeId, @Valid @RequestBody PurposeBody body) {
        return Operators.operator().then(Mono.defer(() -> purposes.revise(purposeId, body.draft())));
    }

    @GetMapping
    Mono<Page<PublishedPurpose>> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        int p = Subjects.page(page);
        int n = Subjects.size(size);
        return Operators.operator().then(purposes.all().collectList())
                .map(all -> new Page<>(all.stream().skip((long) p * n).limit(n).toList(), p, n, all.size()));
    }

    @GetMapping("/{purposeId}")
    Mono<PublishedPurpose> one(@PathVariable String purposeId) {
        return Operators.operator().then(purposes.find(purposeId))
                .switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.PURPOSE_NOT_FOUND,
                        "No purpose with this id")));
    }

    @GetMapping("/{purposeId}/notices/{version}")
    Mono<Notice> notice(@PathVariable String purposeId, @PathVariable int version) {
        return Operators.operator().then(purposes.notice(purposeId, version))
                .switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.PURPOSE_NOT_FOUND,
                        "No such notice version")));
    }
}
