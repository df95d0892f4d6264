package th.onecitizen.bff.privacy;

import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.ledger.ConsentLedger;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.platform.privacy.CitizenIds;

/** The auditor's check of one citizen's consent ledger: every hash, link and the recorded head. */
@RestController
public final class LedgerAuditController {

    private final ConsentLedger ledger;

    public LedgerAuditController(ConsentLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Verifies the ledger of the citizen with this opaque subject reference. A citizen ID number is refused (400):
     * it never belongs in a URL (S-PV-02), and consent knows citizens only by their opaque reference.
     */
    @GetMapping(path = "/admin/v1/consent-ledger/{citizen}/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> verify(@PathVariable @Size(max = 128) String citizen) {
        if (citizen.length() > 128 || CitizenIds.isValid(citizen)) {
            return Mono.error(new ProblemException(CommonError.INVALID_PARAMETER,
                    "Give the citizen's opaque subject reference, never a citizen ID number"));
        }
        return Operators.operator().then(ledger.verify(citizen)).map(v -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("subject_ref", citizen);
            body.put("valid", v.valid());
            body.put("entries", v.entries());
            body.put("broken_seq", v.brokenSeq() == 0 ? null : v.brokenSeq());
            body.put("reason", v.reason());
            body.put("head_hash", v.headHash());
            return body;
        });
    }
}
