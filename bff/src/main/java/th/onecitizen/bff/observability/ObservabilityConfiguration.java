package th.onecitizen.bff.observability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * What is observed per request. Every request keeps its HTTP server observation (the {@code http.server.requests}
 * metrics, a trace id in every log line and problem document); what is switched off here cost CPU on every request
 * without telling operators anything the HTTP observation does not: Spring Security's observation of each filter of
 * the chain (about twenty spans per request), and one span per Redis command (application.yml,
 * {@code management.observations.enable.lettuce}). Measured in BENCHMARKS.md (token endpoint).
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    /** No observations of the security filter chain, its authentication or its authorization. */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
