package th.onecitizen.bff.privacy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.ropa.Ropa;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record of processing activities (s39), for the DPO only. JSON comes in pages by purpose id (cursor
 * {@code after}, {@code limit} up to {@link Ropa#MAX_PAGE}, with {@code total} and a {@code next} link), since the
 * record grows with every service (about 1.2 KB a purpose, 10,000 services planned). CSV (RFC 4180), asked by
 * {@code Accept: text/csv} or {@code ?format=csv} ({@code format} wins over {@code Accept}), is the whole record,
 * streamed line by line as the catalogue is read, never built in memory.
 */
@RestController
public final class RopaController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final int DEFAULT_PAGE = 50;

    private final Ropa ropa;
    private final JsonMapper json;
    private final DataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;

    public RopaController(Ropa ropa, JsonMapper json) {
        this.ropa = ropa;
        this.json = json;
    }

    @GetMapping(path = "/admin/v1/ropa", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    Mono<ResponseEntity<Flux<DataBuffer>>> ropa(@RequestParam(required = false) String format,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE) int limit,
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
            Flux<DataBuffer> lines = ropa.csvLines().map(l -> buffers.wrap(l.getBytes(StandardCharsets.UTF_8)));
            return Operators.dpo().thenReturn(ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ropa.csv\"").body(lines));
        }
        if (limit < 1 || limit > Ropa.MAX_PAGE) {
            return Mono.error(new ProblemException(CommonError.INVALID_PARAMETER, "limit must be between 1 and "
                    + Ropa.MAX_PAGE));
        }
        if (after != null && (after.isBlank() || after.length() > 200)) {
            return Mono.error(new ProblemException(CommonError.INVALID_PARAMETER,
                    "after must be a purpose id from next_cursor"));
        }
        return Operators.dpo().then(ropa.page(after, limit)).map(page -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("entries", page.entries());
            body.put("total", page.total());
            body.put("limit", page.limit());
            body.put("next_cursor", page.nextCursor());
            Map<String, String> links = new LinkedHashMap<>();
            links.put("self", link(after, limit));
            links.put("next", page.nextCursor() == null ? null : link(page.nextCursor(), limit));
            body.put("links", links);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(Flux.just(buffers.wrap(json.writeValueAsBytes(body))));
        });
    }

    private static String link(String after, int limit) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/admin/v1/ropa").queryParam("limit", limit);
        if (after != null) {
            b.queryParam("after", after);
        }
        return b.encode().build().toUriString();
    }
}
