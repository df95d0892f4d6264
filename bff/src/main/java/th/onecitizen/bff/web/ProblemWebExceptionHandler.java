package th.onecitizen.bff.web;

import io.micrometer.tracing.Tracer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import th.onecitizen.platform.privacy.CitizenIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every failure that reaches the web layer as {@code application/problem+json}: controller exceptions,
 * routing failures (unknown route, wrong method), codec failures and filter failures alike.
 */
@Component
@Order(-2)
public final class ProblemWebExceptionHandler implements ErrorWebExceptionHandler {

    /** The base of problem type URIs; the code is appended. */
    public static final String TYPE_BASE = "urn:onecitizen:problem:";

    private final ProblemMapper mapper;
    private final JsonMapper json;
    private final ObjectProvider<Tracer> tracer;

    public ProblemWebExceptionHandler(ProblemMapper mapper, JsonMapper json, ObjectProvider<Tracer> tracer) {
        this.mapper = mapper;
        this.json = json;
        this.tracer = tracer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        Problem problem = mapper.toProblem(ex);
        return write(exchange, problem);
    }

    /** Writes a problem to the exchange's response; also used by the security entry points. */
    public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(problem.status()));
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setCacheControl("no-store");
        problem.headers().forEach(headers::set);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + problem.code());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", CitizenIds.mask(problem.detail()));
        body.put("instance", exchange.getRequest().getPath().value().length() > 200 ? "/"
                : CitizenIds.mask(exchange.getRequest().getPath().value()));
        body.put("code", problem.code());
        String traceId = traceId();
        if (traceId != null) {
            body.put("trace_id", traceId);
        }
        problem.properties().forEach(body::putIfAbsent);
        byte[] bytes = json.writeValueAsBytes(body);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    private String traceId() {
        Tracer t = tracer.getIfAvailable();
        if (t == null || t.currentSpan() == null) {
            return null;
        }
        return t.currentSpan().context().traceId();
    }
}
