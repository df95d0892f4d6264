package th.onecitizen.bff.oauth;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.authorization.NdidLogins;

/**
 * Our NDID node's webhook. The per-transaction secret in the path authenticates the call: without it, 401 and no
 * change (S-WH-01); otherwise 204 whatever the message says, since the node only needs to know we received it.
 */
@RestController
public final class NdidCallbackController {

    private final NdidLogins ndid;

    public NdidCallbackController(NdidLogins ndid) {
        this.ndid = ndid;
    }

    @PostMapping(path = "/oauth2/ndid/callback/{secret}", consumes = "application/json")
    Mono<ResponseEntity<Void>> callback(@PathVariable String secret, @RequestBody Map<String, Object> body) {
        return ndid.callback(secret, body).map(known -> known ? ResponseEntity.noContent().<Void>build()
                : ResponseEntity.status(401).<Void>build());
    }
}
