package th.onecitizen.bff.consent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import th.onecitizen.consent.dsar.PrivacyRequestService;
import tools.jackson.databind.json.JsonMapper;

/** The JSON Schema of access and portability exports ({@link PrivacyRequestService#EXPORT_SCHEMA}). */
@RestController
public final class PrivacyExportSchemaController {

    private final Map<String, Object> schema;

    @SuppressWarnings("unchecked")
    public PrivacyExportSchemaController() {
        // read once at start-up, never on an event-loop thread
        try (InputStream in = new ClassPathResource("schema/privacy-export-1.json").getInputStream()) {
            this.schema = JsonMapper.builder().build().readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(path = "/v1/privacy-export/schema", produces = {"application/schema+json",
        MediaType.APPLICATION_JSON_VALUE})
    Map<String, Object> schema() {
        return schema;
    }
}
