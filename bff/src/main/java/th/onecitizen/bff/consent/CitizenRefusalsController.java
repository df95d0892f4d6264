package th.onecitizen.bff.consent;

import java.time.Instant;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.Page;
import th.onecitizen.consent.decision.DecisionLog;

/**
 * The shares of the citizen's data that the consent gate refused (R19.1), newest first. A separate view from
 * {@code /v1/me/access-log}, which lists only what was disclosed: a refusal disclosed nothing. Only ever the
 * token's subject.
 */
@RestController
@RequestMapping(path = "/v1/me/refusals", produces = MediaType.APPLICATION_JSON_VALUE)
public final class CitizenRefusalsController {

    private final DecisionLog log;

    public CitizenRefusalsController(DecisionLog log) {
        this.log = log;
    }

    @GetMapping
    Mono<Page<DecisionLog.Entry>> refusals(@RequestParam(required = false) @Size(max = 80) String agency,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        int p = Subjects.page(page);
        int n = Subjects.size(size);
        return Subjects.citizen().flatMap(s -> log.find(new DecisionLog.Filter(s, agency, null, null, from, to), p,
                n));
    }
}
