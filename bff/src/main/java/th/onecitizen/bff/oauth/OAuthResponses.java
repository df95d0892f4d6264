package th.onecitizen.bff.oauth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.authorization.AuthorizeOutcome;
import th.onecitizen.identity.authorization.OAuthException;

/** Shapes of OAuth responses: JSON errors and bodies with no-store, redirects, pages, and strict form reading. */
final class OAuthResponses {

    private OAuthResponses() {
    }

    static ResponseEntity<Map<String, Object>> json(Map<String, Object> body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache")
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }

    static ResponseEntity<Map<String, Object>> error(OAuthException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("error_description", e.description());
        var builder = ResponseEntity.status(e.status()).cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON);
        if (e.status() == 401) {
            builder.header("WWW-Authenticate", "Basic realm=\"onecitizen\"");
        }
        if (e.status() == 429) {
            builder.header("Retry-After", String.valueOf(e.retryAfterSeconds() > 0 ? e.retryAfterSeconds() : 60));
        }
        if (e.status() == 503 && e.retryAfterSeconds() > 0) {
            builder.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return builder.body(body);
    }

    /** Reads an urlencoded form, refusing other content types and repeated parameters (S-AS-12, S-IN-04). */
    static Mono<Map<String, String>> form(ServerWebExchange exchange) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return Mono.error(OAuthException.invalidRequest(
                    "The request must be application/x-www-form-urlencoded"));
        }
        return exchange.getFormData().flatMap(form -> single(form));
    }

    static Mono<Map<String, String>> single(MultiValueMap<String, String> form) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            if (e.getValue().size() > 1) {
                return Mono.error(OAuthException.invalidRequest("Parameters must not be repeated"));
            }
            String v = e.getValue().get(0);
            if (v != null && !v.isEmpty()) {
                out.put(e.getKey(), v);
            }
        }
        return Mono.just(out);
    }

    /** Renders an authorization outcome; {@code afterPost} turns redirects into 303 (RFC 9700 s4.12). */
    static ResponseEntity<String> outcome(AuthorizeOutcome outcome, boolean afterPost, Pages pages) {
        if (outcome instanceof AuthorizeOutcome.Redirect r) {
            return redirect(r.location(), afterPost);
        }
        if (outcome instanceof AuthorizeOutcome.Chooser c) {
            return page(200, pages.chooser(c));
        }
        if (outcome instanceof AuthorizeOutcome.AskCitizenId ask) {
            return page(ask.invalid() ? 400 : 200, pages.askCitizenId(ask));
        }
        if (outcome instanceof AuthorizeOutcome.Waiting w) {
            return page(200, pages.waiting(w));
        }
        if (outcome instanceof AuthorizeOutcome.Leave l) {
            return page(200, pages.leave(l.location()));
        }
        AuthorizeOutcome.ErrorPage e = (AuthorizeOutcome.ErrorPage) outcome;
        return page(e.status(), pages.error(e.message()));
    }

    static ResponseEntity<String> redirect(URI location, boolean afterPost) {
        return ResponseEntity.status(afterPost ? HttpStatus.SEE_OTHER : HttpStatus.FOUND).location(location)
                .cacheControl(CacheControl.noStore()).build();
    }

    static ResponseEntity<String> page(int status, String html) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
    }
}
