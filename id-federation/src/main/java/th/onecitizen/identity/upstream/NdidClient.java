package th.onecitizen.identity.upstream;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.IdentityProperties.ProviderProperties;

/**
 * OneCitizen's side of its NDID RP node: creates identity requests (mode 1 style, with the citizen ID as
 * identifier), reads a request's status back ({@code GET /utility/requests/{id}}) to confirm what a callback claims,
 * and closes requests. The citizen ID travels only in the path the node's API demands; our logs name the URI
 * template, never the ID.
 */
public final class NdidClient {

    private final ProviderProperties settings;
    private final WebClient web;
    private final UpstreamCalls calls;

    public NdidClient(ProviderProperties settings, WebClient.Builder builder, Clock clock) {
        this.settings = settings;
        this.web = builder.build();
        this.calls = new UpstreamCalls("ndid", settings.timeout());
    }

    /** Creates a request; completes with NDID's {@code request_id}. */
    public Mono<String> create(String citizenId, String referenceId, String callbackUrl, String message,
            long timeoutSeconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference_id", referenceId);
        body.put("callback_url", callbackUrl);
        body.put("mode", 2);
        body.put("idp_id_list", List.of());
        body.put("data_request_list", List.of());
        body.put("request_message", message);
        body.put("min_ial", Double.parseDouble(settings.minIal() == null ? "2.3" : settings.minIal()));
        body.put("min_aal", Double.parseDouble(settings.minAal() == null ? "2.2" : settings.minAal()));
        body.put("min_idp", 1);
        body.put("request_timeout", timeoutSeconds);
        body.put("bypass_identity_check", false);
        return calls.guard(web.post().uri(settings.baseUrl() + "/rp/requests/citizen_id/{pid}", citizenId)
                .header("x-api-key", settings.clientSecret() == null ? "" : settings.clientSecret())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .retrieve().bodyToMono(ProviderSupport.JSON_MAP))
                .flatMap(r -> r.get("request_id") == null
                        ? Mono.error(UpstreamException.unavailable("NDID gave no request id"))
                        : Mono.just(String.valueOf(r.get("request_id"))));
    }

    /** The node's own view of a request. */
    public Mono<Map<String, Object>> status(String requestId) {
        return calls.guard(web.get().uri(settings.baseUrl() + "/utility/requests/{id}", requestId)
                .header("x-api-key", settings.clientSecret() == null ? "" : settings.clientSecret())
                .retrieve().bodyToMono(ProviderSupport.JSON_MAP));
    }

    /** The minimum IAL asked of IdPs. */
    public String minIal() {
        return settings.minIal() == null ? "2.3" : settings.minIal();
    }

    /** The minimum AAL asked of IdPs. */
    public String minAal() {
        return settings.minAal() == null ? "2.2" : settings.minAal();
    }
}
