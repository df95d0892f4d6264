package th.onecitizen.registry;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the service registry ({@code onecitizen.registry}, in {@code config/registry.yml}).
 *
 * @param sandboxOrigins      origins ({@code scheme://host:port}) of sandbox agencies that may use plain HTTP and
 *                            loopback; empty in production
 * @param dnsTimeout          how long a registration waits for DNS before refusing the target
 * @param purposes            each registered processing purpose and the data categories it justifies
 * @param sensitiveCategories categories that are sensitive data under PDPA s26
 * @param categories          the catalogue categories, in display order, with Thai and English labels
 */
@Validated
@ConfigurationProperties("onecitizen.registry")
public record RegistryProperties(@NotNull List<String> sandboxOrigins, @NotNull Duration dnsTimeout,
        @NotEmpty Map<String, Set<String>> purposes, @NotNull Set<String> sensitiveCategories,
        @NotNull Map<String, Label> categories) {

    /**
     * A display label.
     *
     * @param th Thai
     * @param en English
     */
    public record Label(@NotNull String th, @NotNull String en) {
    }
}
