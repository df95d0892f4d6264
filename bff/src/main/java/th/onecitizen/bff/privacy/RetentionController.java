package th.onecitizen.bff.privacy;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.retention.RetentionJob;

/**
 * Runs the retention job now (s37(3)), for the DPO, answering its report: what was erased or anonymised and how
 * many items remain past retention (must be 0). The job also runs daily on its own schedule.
 */
@RestController
public final class RetentionController {

    private final RetentionJob retention;

    public RetentionController(RetentionJob retention) {
        this.retention = retention;
    }

    @PostMapping(path = "/admin/v1/retention-runs", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> run() {
        return Operators.dpo().then(Mono.defer(retention::run));
    }
}
