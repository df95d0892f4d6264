package th.onecitizen.bff.security;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import th.onecitizen.bff.web.WebProperties;
import th.onecitizen.platform.error.CommonError;

/**
 * The security edge: stateless, no sessions, no CSRF (no cookie authenticates an API call), CORS closed unless
 * origins are configured, strict security headers, and every 401/403 written as problem details.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    /** Content Security Policy: the API serves JSON; the few HTML pages load only their own assets. */
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    static final java.time.Duration HSTS_MAX_AGE = java.time.Duration.ofDays(365);

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemSecurityHandlers handlers,
            WebProperties web, ApiAuthentication api) {
        return http
                .cors(c -> c.configurationSource(corsSource(web)))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
                        .hsts(s -> s.includeSubdomains(true).maxAge(HSTS_MAX_AGE)))
                // the API is a resource server for OneCitizen access tokens only (Bearer or DPoP-bound)
                .addFilterAt(api.filter(), SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(api.entryPoint())
                        .accessDeniedHandler(handlers.accessDenied()))
                .authorizeExchange(a -> a
                        .pathMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/actuator/info").permitAll()
                        .pathMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/webjars/**").permitAll()
                        // anyone may verify a consent receipt against the published keys
                        .pathMatchers(HttpMethod.GET, "/v1/consent-receipts/jwks", "/v1/privacy-export/schema")
                                .permitAll()
                        .pathMatchers("/agency/v1/**").hasRole("AGENCY")
                        // S-AC-03: the breach register, ROPA, retention runs and decision log are the DPO's alone
                        .pathMatchers("/admin/v1/breaches", "/admin/v1/breaches/**", "/admin/v1/ropa",
                                "/admin/v1/ropa/**", "/admin/v1/retention-runs",
                                "/admin/v1/decision-log").hasRole("DPO")
                        .pathMatchers("/admin/v1/**").hasAnyRole("ADMIN", "DPO")
                        .pathMatchers("/v1/**", "/oauth2/userinfo").authenticated()
                        .anyExchange().permitAll())
                .build();
    }

    /** CORS is closed unless origins are configured: then only those origins, without credentials. */
    static CorsConfigurationSource corsSource(WebProperties web) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!web.corsAllowedOrigins().isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(web.corsAllowedOrigins());
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "DPoP", "Idempotency-Key",
                    "If-None-Match", "Accept-Language"));
            cors.setExposedHeaders(List.of("ETag", "Retry-After", "WWW-Authenticate", "DPoP-Nonce"));
            cors.setAllowCredentials(false);
            cors.setMaxAge(600L);
            source.registerCorsConfiguration("/**", cors);
        }
        return source;
    }

    /** Problem bodies for the security edge, kept together so the entry point and the denial look alike. */
    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(th.onecitizen.bff.web.ProblemWebExceptionHandler writer) {
        return new ProblemSecurityHandlers(writer, Map.of(), CommonError.UNAUTHORIZED);
    }
}
