package th.onecitizen.bff.privacy;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.onecitizen.bff.consent.Subjects;
import th.onecitizen.consent.Page;
import th.onecitizen.consent.decision.DecisionLog;

/**
 * The decision log (R19.1), for the DPO only: every share the consent gate refused, newest first, filtered by
 * citizen (opaque id), agency, purpose, reason code and time, paginated.
 */
@RestController
@RequestMapping(path = "/admin/v1/decision-log", produces = MediaType.APPLICATION_JSON_VALUE)
public final class DecisionLogController {

    private final DecisionLog log;

    public DecisionLogController(DecisionLog log) {
        this.log = log;
    }

    @GetMapping
    Mono<Page<DecisionLog.Entry>> find(@RequestParam(required = false) @Size(max = 128) String subject,
            @RequestParam(required = false) @Size(max = 80) String agency,
            @RequestParam(required = false) @Size(max = 80) String purpose,
            @RequestParam(required = false) @Size(max = 80) String reason,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        int p = Subjects.page(page);
        int n = Subjects.size(size);
        return Operators.dpo().then(log.find(new DecisionLog.Filter(subject, agency, purpose, reason, from, to), p,
                n));
    }
}
