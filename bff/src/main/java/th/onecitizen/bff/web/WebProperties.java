package th.onecitizen.bff.web;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The web edge of the application.
 *
 * @param maxRequestBody     the largest request body accepted; larger ones get 413 before being buffered
 * @param corsAllowedOrigins origins allowed to call the API from a browser; empty (the default) closes CORS
 */
@Validated
@ConfigurationProperties("onecitizen.web")
public record WebProperties(@NotNull DataSize maxRequestBody, List<String> corsAllowedOrigins) {

    public WebProperties {
        if (maxRequestBody == null) {
            maxRequestBody = DataSize.ofKilobytes(256);
        }
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
    }
}
