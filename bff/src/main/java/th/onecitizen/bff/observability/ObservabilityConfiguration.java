package th.onecitizen.bff.observability;

import io.micrometer.context.ContextRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * What is observed per request. Every request keeps its HTTP server observation (the {@code http.server.requests}
 * metrics, a trace id in every log line and problem document); what is switched off here cost CPU on every request
 * without telling operators anything the HTTP observation does not: Spring Security's observation of each filter of
 * the chain (about twenty spans per request), and one span per Redis command (application.yml,
 * {@code management.observations.enable.lettuce}), and Spring Security's thread-local accessors (below). Measured in
 * BENCHMARKS.md (token endpoint, login).
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    static {
        onlyTheObservationCrossesThreads();
    }

    /**
     * Leaves the observation (the trace ids of log lines) as the only thread-local that Reactor's automatic context
     * propagation restores on every operator signal. Spring Security registers three more through the service
     * loader: the reactive security context, the exchange and the blocking {@code SecurityContextHolder}. They
     * exist for blocking code run inside reactive chains, which OneCitizen does not have (it reads the security
     * context from the Reactor context only), yet each costs every signal of every request a set and a clear.
     * The observation's own accessor is Micrometer's with one change ({@link ActiveObservationAccessor}): clearing
     * a thread that has no real observation costs nothing. Idempotent; runs before the first request because every
     * application context loads this class.
     */
    static void onlyTheObservationCrossesThreads() {
        ContextRegistry registry = ContextRegistry.getInstance();
        registry.removeThreadLocalAccessor((Object) SecurityContext.class);
        registry.removeThreadLocalAccessor((Object) ServerWebExchange.class);
        registry.removeThreadLocalAccessor(SecurityContext.class.getName());
        if (!registry.getThreadLocalAccessors().stream().anyMatch(ActiveObservationAccessor.class::isInstance)) {
            registry.removeThreadLocalAccessor(ObservationThreadLocalAccessor.KEY);
            registry.registerThreadLocalAccessor(new ActiveObservationAccessor());
        }
    }

    /** No observations of the security filter chain, its authentication or its authorization. */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
