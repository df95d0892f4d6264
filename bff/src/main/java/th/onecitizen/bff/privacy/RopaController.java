package th.onecitizen.bff.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.ropa.Ropa;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;

/**
 * The record of processing activities (s39), for the DPO only: JSON by default, CSV (RFC 4180) when asked by
 * {@code Accept: text/csv} or {@code ?format=csv}; {@code format} wins over {@code Accept}.
 */
@RestController
public final class RopaController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Ropa ropa;

    public RopaController(Ropa ropa) {
        this.ropa = ropa;
    }

    @GetMapping(path = "/admin/v1/ropa", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    Mono<ResponseEntity<Object>> ropa(@RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv;
        if (format != null) {
            if (!List.of("json", "csv").contains(format)) {
                return Mono.error(new ProblemException(CommonError.INVALID_PARAMETER, "format must be json or csv"));
            }
            csv = "csv".equals(format);
        } else {
            csv = accept != null && MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(m -> "text".equals(m.getType()) && "csv".equals(m.getSubtype()));
        }
        if (csv) {
            return Operators.dpo().then(ropa.csv()).map(body -> ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ropa.csv\"")
                    .body((Object) body));
        }
        return Operators.dpo().thenMany(ropa.entries()).collectList()
                .map(entries -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                        .body((Object) Map.of("entries", entries)));
    }
}
