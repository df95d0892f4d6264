package th.onecitizen.bff.privacy;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.ConsentError;
import th.onecitizen.consent.collection.IndirectCollectionExemptions;
import th.onecitizen.platform.error.ProblemException;

/**
 * The DPO records that a purpose's indirect collection is exempt from the notice to citizens (s25 para 2, R25.1),
 * with its ground, legal reference and the DPO as approver. Without one, the citizen is noticed.
 */
@RestController
public final class IndirectCollectionController {

    private final IndirectCollectionExemptions exemptions;

    public IndirectCollectionController(IndirectCollectionExemptions exemptions) {
        this.exemptions = exemptions;
    }

    /**
     * An exemption.
     *
     * @param ground   s24, s26, s25_law or s25_impossible
     * @param legalRef the provision or ruling relied on
     */
    public record ExemptionBody(@JsonProperty("ground") @NotBlank String ground,
            @JsonProperty("legal_ref") @NotBlank @Size(max = 300) String legalRef) {
    }

    @PutMapping(path = "/admin/v1/purposes/{id}/indirect-collection-exemption",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<IndirectCollectionExemptions.Exemption> record(@PathVariable String id,
            @Valid @RequestBody ExemptionBody body) {
        return Operators.dpo().flatMap(dpo -> exemptions.record(id, body.ground(), body.legalRef(), dpo.clientId()));
    }

    @GetMapping(path = "/admin/v1/purposes/{id}/indirect-collection-exemption",
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<IndirectCollectionExemptions.Exemption> find(@PathVariable String id) {
        return Operators.operator().flatMap(x -> exemptions.find(id)).switchIfEmpty(Mono.error(() ->
                new ProblemException(ConsentError.PURPOSE_NOT_FOUND, "No exemption is recorded for this purpose")));
    }
}
