package th.onecitizen.bff.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A test-only JSON endpoint that exercises the web edge (codecs, validation, size limits) the way every real
 * endpoint does, so the error model can be tested independently of any capability.
 */
@RestController
@RequestMapping("/test-fixture")
class ErrorModelFixtureController {

    record Payload(@NotBlank @Size(max = 100) String name, boolean active, int count, List<String> tags,
            Map<String, Object> attributes) {
    }

    @PostMapping(path = "/echo", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> echo(@Valid @RequestBody Payload payload) {
        return Mono.just(Map.of("name", payload.name(), "active", payload.active(), "count", payload.count()));
    }
}
