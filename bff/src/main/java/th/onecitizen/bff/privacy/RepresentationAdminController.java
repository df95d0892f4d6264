package th.onecitizen.bff.privacy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
import th.onecitizen.consent.representation.Representation;
import th.onecitizen.consent.representation.Representations;
import th.onecitizen.platform.error.ProblemException;

/**
 * The register of court-ordered representations (R20.3), for operators (admin or DPO): a custodian of an
 * incompetent person or a curator of a quasi-incompetent person, with the court order's number and date and the
 * validity; every registration and revocation is audited with the operator and the time.
 */
@RestController
@RequestMapping(path = "/admin/v1/representations", produces = MediaType.APPLICATION_JSON_VALUE)
public final class RepresentationAdminController {

    private final Representations representations;

    public RepresentationAdminController(Representations representations) {
        this.representations = representations;
    }

    /**
     * A representation as the court ordered it. Both citizens are named by their opaque subject references.
     *
     * @param wardRef           the incompetent or quasi-incompetent person
     * @param representativeRef the custodian or curator
     * @param role              custodian or curator
     * @param authorityRef      the court order's number (proof of authority)
     * @param authorityDate     the court order's date
     * @param validFrom         from when (default: now)
     * @param validUntil        until when (default: until revoked)
     */
    public record RepresentationBody(@NotBlank @Size(max = 128) String wardRef,
            @NotBlank @Size(max = 128) String representativeRef, @NotBlank String role,
            @NotBlank @Size(max = 120) String authorityRef, @NotNull LocalDate authorityDate, Instant validFrom,
            Instant validUntil) {
    }

    /**
     * A revocation.
     *
     * @param reason why the representation ends (order lifted, set aside, representative replaced)
     */
    public record RevocationBody(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Representation> register(@Valid @RequestBody RepresentationBody b) {
        return Operators.operator().flatMap(op -> representations.register(new Representations.Registration(
                b.wardRef(), b.representativeRef(), b.role(), b.authorityRef(), b.authorityDate(), b.validFrom(),
                b.validUntil()), op.clientId()));
    }

    @GetMapping
    Mono<Page<Representation>> list(@RequestParam(required = false) @Size(max = 128) String ward,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        int p = Subjects.page(page);
        int n = Subjects.size(size);
        return Operators.operator().then(representations.list(ward, p, n));
    }

    @GetMapping("/{id}")
    Mono<Representation> one(@PathVariable UUID id) {
        return Operators.operator().then(representations.find(id))
                .switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.REPRESENTATION_NOT_FOUND,
                        "No such representation")));
    }

    /** The audit trail: who registered and revoked it, when, and why. */
    @GetMapping("/{id}/events")
    Mono<List<Representations.Event>> events(@PathVariable UUID id) {
        return one(id).flatMap(r -> representations.events(id).collectList());
    }

    @PostMapping(path = "/{id}/revoke", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Representation> revoke(@PathVariable UUID id, @Valid @RequestBody RevocationBody body) {
        return Operators.operator().flatMap(op -> representations.revoke(id, op.clientId(), body.reason()));
    }
}
