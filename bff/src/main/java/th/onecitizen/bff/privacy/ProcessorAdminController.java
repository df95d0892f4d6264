package th.onecitizen.bff.privacy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
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
import th.onecitizen.consent.Page;
import th.onecitizen.consent.processor.Processor;
import th.onecitizen.consent.processor.Processors;

/**
 * The register of processors (s40, R40.1), for operators (admin or DPO): each processor's contract, the scope of
 * the controller's instructions, its security measures, its duty to report a breach promptly (in hours) and the
 * purposes it processes for. The ROPA lists each purpose's registered processors with these records.
 */
@RestController
@RequestMapping(path = "/admin/v1/processors", produces = MediaType.APPLICATION_JSON_VALUE)
public final class ProcessorAdminController {

    private final Processors processors;

    public ProcessorAdminController(Processors processors) {
        this.processors = processors;
    }

    /**
     * A processor as its contract with the controller describes it.
     *
     * @param name              the name the purposes list in {@code processors}
     * @param nameTh            the Thai name (optional)
     * @param nameEn            the English name (optional)
     * @param contractRef       the processing contract's reference
     * @param contractDate      the contract's date
     * @param instructions      the scope of the controller's instructions
     * @param securityMeasures  the processor's security measures
     * @param breachReportHours the hours within which it reports a breach to the controller ("promptly", typically
     *                          24; at most 72)
     * @param purposes          the registered purposes it processes for
     */
    public record ProcessorBody(@NotBlank @Size(max = 200) String name, @Size(max = 200) String nameTh,
            @Size(max = 200) String nameEn, @NotBlank @Size(max = 200) String contractRef,
            @NotNull LocalDate contractDate, @NotBlank @Size(max = 4000) String instructions,
            @NotBlank @Size(max = 4000) String securityMeasures, @NotNull @Positive Integer breachReportHours,
            @NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 128) String> purposes) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Processor> register(@Valid @RequestBody ProcessorBody b) {
        return Operators.operator().flatMap(op -> processors.register(new Processors.Registration(b.name(),
                b.nameTh(), b.nameEn(), b.contractRef(), b.contractDate(), b.instructions(), b.securityMeasures(),
                b.breachReportHours(), b.purposes()), op.clientId()));
    }

    @GetMapping
    Mono<Page<Processor>> list(@RequestParam(required = false) @Size(max = 128) String purpose,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        int p = Subjects.page(page);
        int n = Subjects.size(size);
        return Operators.operator().then(processors.list(purpose, p, n));
    }

    @GetMapping("/{id}")
    Mono<Processor> one(@PathVariable UUID id) {
        return Operators.operator().then(processors.get(id));
    }
}
