package th.onecitizen.identity.upstream;

import io.micrometer.common.KeyValue;
import java.net.URI;
import org.springframework.web.reactive.function.client.ClientHttpObservationDocumentation;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/**
 * Observes upstream calls ({@code http.client.requests} metrics and trace spans) by URI template only (S-PV-02): the
 * NDID node's API takes the citizen ID in its path ({@code /rp/requests/citizen_id/{pid}}), and the default
 * convention would put the expanded URL in the spans' {@code http.url}. A call made without a template is named by
 * its scheme, host and path, never its query.
 */
public final class TemplatedUrlConvention extends DefaultClientRequestObservationConvention {

    @Override
    protected KeyValue httpUrl(ClientRequestObservationContext context) {
        String name = context.getUriTemplate();
        if (name == null && context.getRequest() != null) {
            URI u = context.getRequest().url();
            name = u.getScheme() + "://" + u.getRawAuthority() + u.getRawPath();
        }
        return KeyValue.of(ClientHttpObservationDocumentation.HighCardinalityKeyNames.HTTP_URL,
                name == null ? "none" : name);
    }
}
