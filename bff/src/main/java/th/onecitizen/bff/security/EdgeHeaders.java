package th.onecitizen.bff.security;

import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentSecurityPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XXssProtectionServerHttpHeadersWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import th.onecitizen.bff.web.WebProperties;

/**
 * What the security filter chain adds to every response, the security headers and the CORS check, for the one
 * endpoint answered before that chain: the token endpoint ({@code th.onecitizen.bff.oauth.TokenEndpoint}). Built
 * from Spring Security's own header writers with {@link SecurityConfiguration}'s settings; a test compares the
 * headers of the token endpoint with those of an endpoint behind the chain.
 */
@Component
public final class EdgeHeaders {

    private final CorsConfigurationSource cors;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();
    private final ServerHttpHeadersWriter headers;

    public EdgeHeaders(WebProperties web) {
        this.cors = SecurityConfiguration.corsSource(web);
        StrictTransportSecurityServerHttpHeadersWriter hsts = new StrictTransportSecurityServerHttpHeadersWriter();
        hsts.setIncludeSubDomains(true);
        hsts.setMaxAge(SecurityConfiguration.HSTS_MAX_AGE);
        XFrameOptionsServerHttpHeadersWriter frames = new XFrameOptionsServerHttpHeadersWriter();
        frames.setMode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY);
        ContentSecurityPolicyServerHttpHeadersWriter csp = new ContentSecurityPolicyServerHttpHeadersWriter();
        csp.setPolicyDirectives(SecurityConfiguration.CSP);
        ReferrerPolicyServerHttpHeadersWriter referrer = new ReferrerPolicyServerHttpHeadersWriter();
        referrer.setPolicy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER);
        this.headers = new CompositeServerHttpHeadersWriter(new CacheControlServerHttpHeadersWriter(),
                new ContentTypeOptionsServerHttpHeadersWriter(), hsts, frames,
                new XXssProtectionServerHttpHeadersWriter(), csp, referrer);
    }

    /**
     * Checks CORS as the chain would and registers the security headers to be written when the response commits.
     *
     * @return false when a cross-origin request was refused (403 already set): the caller writes nothing more
     */
    public boolean apply(ServerWebExchange exchange) {
        exchange.getResponse().beforeCommit(() -> headers.writeHttpHeaders(exchange));
        return !CorsUtils.isCorsRequest(exchange.getRequest())
                || processor.process(cors.getCorsConfiguration(exchange), exchange);
    }
}
