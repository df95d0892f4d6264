package th.onecitizen.connectors.runtime;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import th.onecitizen.connectors.ConnectorError;
import th.onecitizen.connectors.assertion.CitizenAssertions;
import th.onecitizen.connectors.auth.AgencyCredentials;
import th.onecitizen.connectors.egress.AgencyHttp;
import th.onecitizen.connectors.egress.EgressPolicyResolverGroup;
import th.onecitizen.consent.decision.Permit;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.service.AgencyAuth;
import th.onecitizen.registry.service.ConnectorSpec;
import th.onecitizen.registry.service.Operation;
import th.onecitizen.registry.service.ServiceDefinition;
import th.onecitizen.registry.validation.JsonShape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls agency APIs. Every call needs a {@link Permit}, which only the consent module can create. Each connector's
 * resilience is built from its registry spec on first use and rebuilt when the spec changes, without restart.
 * Answers are size-limited before they are buffered and validated against the operation's response schema.
 */
public final class ConnectorRuntime {

    /** The header carrying the signed citizen assertion. */
    public static final String ASSERTION_HEADER = "X-OneCitizen-Assertion";

    private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z0-9]+)}");
    private static final Pattern SAFE_VALUE = Pattern.compile("[\\p{L}\\p{N}._~-]{1,100}");

    private final AgencyHttp http;
    private final AgencyCredentials credentials;
    private final CitizenAssertions assertions;
    private final MeterRegistry meters;
    private final JsonMapper json;
    private final Map<String, Resilience> connectors = new ConcurrentHashMap<>();
    // a moving average of each connector's call time (ns), to start the slowest calls of a fan-out first
    private final Map<String, Long> typicalNanos = new ConcurrentHashMap<>();

    public ConnectorRuntime(AgencyHttp http, AgencyCredentials credentials, CitizenAssertions assertions,
            MeterRegistry meters, JsonMapper json) {
        this.http = http;
        this.credentials = credentials;
        this.assertions = assertions;
        this.meters = meters;
        this.json = json;
    }

    /** Calls {@code operation} of {@code service} under {@code permit}; errors are problems naming the service. */
    public Mono<AgencyResponse> call(ServiceDefinition service, Operation operation, Permit permit, JsonNode body) {
        Resilience r = resilience(service);
        long start = System.nanoTime();
        // Each attempt (the assertion's signature, the request) runs on a parallel worker, not on the thread that
        // delivered the permit: that is a Redis event loop, which would then sign the calls of a whole dashboard one
        // after another while every other Redis reply of the instance waited behind them.
        Mono<AgencyResponse> attempt = Mono.defer(() -> attempt(service, operation, permit, body, r.spec(), start))
                .subscribeOn(Schedulers.parallel());
        return r.protect(attempt, operation.idempotent())
                .doOnSuccess(x -> record(service.id(), "ok", start))
                .onErrorMap(e -> problem(service, r, e, start));
    }

    /** The connector's health now (breaker state, calls by outcome, latency percentiles). */
    public ConnectorHealth health(ServiceDefinition service) {
        Resilience r = connectors.get(service.id());
        Map<String, Long> calls = new LinkedHashMap<>();
        meters.find("onecitizen.connector.calls").tag("service", service.id()).counters()
                .forEach(c -> calls.put(c.getId().getTag("outcome"), (long) c.count()));
        Map<String, Double> latency = new LinkedHashMap<>();
        Timer t = meters.find("onecitizen.connector.latency").tag("service", service.id()).timer();
        if (t != null) {
            for (ValueAtPercentile p : t.takeSnapshot().percentileValues()) {
                latency.put("p" + Math.round(p.percentile() * 100), p.value(TimeUnit.MILLISECONDS));
            }
        }
        if (r == null) {
            return new ConnectorHealth(service.id(), "idle", -1, -1, calls, latency, service.content().connector()
                    .maxConcurrent());
        }
        CircuitBreaker.Metrics m = r.breaker().getMetrics();
        return new ConnectorHealth(service.id(), r.breaker().getState().name().toLowerCase(Locale.ROOT),
                m.getFailureRate(), m.getSlowCallRate(), calls, latency,
                r.bulkhead().getMetrics().getAvailableConcurrentCalls());
    }

    /** A moving average of how long calls to this service's agency took lately, in ms; 0 before the first call. */
    public long typicalLatencyMillis(String serviceId) {
        return TimeUnit.NANOSECONDS.toMillis(typicalNanos.getOrDefault(serviceId, 0L));
    }

    /** The resilience of a connector, rebuilt when its spec changed in the registry. */
    private Resilience resilience(ServiceDefinition service) {
        ConnectorSpec spec = service.content().connector();
        Resilience current = connectors.get(service.id());
        if (current != null && current.spec().equals(spec)) {
            return current;
        }
        return connectors.compute(service.id(), (id, was) -> {
            if (was == null) {
                // registered once per connector; it reads whichever breaker the connector has now
                io.micrometer.core.instrument.Gauge.builder("onecitizen.connector.breaker.open", connectors,
                        all -> all.containsKey(id) && all.get(id).breaker().getState() != CircuitBreaker.State.CLOSED
                                ? 1 : 0)
                        .tag("service", id).description("1 while the connector's breaker is not closed")
                        .register(meters);
            }
            return was != null && was.spec().equals(spec) ? was : Resilience.of(id, spec);
        });
    }

    private Mono<AgencyResponse> attempt(ServiceDefinition service, Operation op, Permit permit, JsonNode body,
            ConnectorSpec spec, long start) {
        String uri = spec.baseUrl().replaceAll("/+$", "") + expand(service.id(), op.pathTemplate(), body);
        WebClient client = spec.auth() instanceof AgencyAuth.MutualTls m ? http.mutualTls(m.keyRef()) : http.shared();
        String assertion = assertions.sign(permit, service.id(), op.id());
        return credentials.headers(service.id(), spec.auth()).flatMap(auth -> {
            WebClient.RequestBodySpec request = client.method(HttpMethod.valueOf(op.method())).uri(uri)
                    .headers(h -> h.addAll(auth))
                    .header(ASSERTION_HEADER, assertion)
                    .accept(MediaType.APPLICATION_JSON);
            WebClient.RequestHeadersSpec<?> ready = "POST".equals(op.method()) && body != null
                    ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsBytes(body))
                    : request;
            return ready.exchangeToMono(response -> read(response, op, spec, start));
        });
    }

    private Mono<AgencyResponse> read(ClientResponse response, Operation op, ConnectorSpec spec, long start) {
        int status = response.statusCode().value();
        if (status >= 300 && status < 400) {
            return response.releaseBody().then(Mono.error(new AgencyFailure(ConnectorError.AGENCY_REDIRECT_REFUSED,
                    "The agency answered " + status + "; redirects are not followed", true, false)));
        }
        if (status >= 500 || status == 429) {
            return response.releaseBody().then(Mono.error(new AgencyFailure(ConnectorError.AGENCY_UNAVAILABLE,
                    "The agency answered " + status, true, true)));
        }
        if (status == 404) {
            return response.releaseBody().then(Mono.error(new AgencyFailure(
                    ConnectorError.AGENCY_RECORD_NOT_FOUND, "The agency has no such record", false, false)));
        }
        if (status >= 400) {
            return response.releaseBody().then(Mono.error(new AgencyFailure(ConnectorError.AGENCY_REJECTED,
                    "The agency refused the request with " + status, false, false)));
        }
        long declared = response.headers().contentLength().orElse(-1);
        if (declared > spec.maxResponseBytes()) {
            return response.releaseBody().then(Mono.error(tooLarge(spec)));
        }
        return DataBufferUtils.join(response.bodyToFlux(DataBuffer.class), spec.maxResponseBytes())
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge(spec))
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0])
                .map(bytes -> validated(bytes, op, status, start));
    }

    private AgencyResponse validated(byte[] bytes, Operation op, int status, long start) {
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (RuntimeException e) {
            throw new AgencyFailure(ConnectorError.AGENCY_RESPONSE_INVALID, "The agency's answer is not JSON", true,
                    false);
        }
        if (node == null || node.isMissingNode()) {
            throw new AgencyFailure(ConnectorError.AGENCY_RESPONSE_INVALID, "The agency's answer is empty", true,
                    false);
        }
        var violations = JsonShape.violations(op.responseSchema(), node);
        if (!violations.isEmpty()) {
            throw new AgencyFailure(ConnectorError.AGENCY_RESPONSE_INVALID, "The agency's answer does not match the "
                    + "operation's response schema: " + violations.get(0), true, false);
        }
        return new AgencyResponse(status, node, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private static AgencyFailure tooLarge(ConnectorSpec spec) {
        return new AgencyFailure(ConnectorError.AGENCY_RESPONSE_TOO_LARGE, "The agency's answer exceeds "
                + spec.maxResponseBytes() + " bytes and was cut", true, false);
    }

    /** Fills {path} variables from same-named string fields of the request, each URL-encoded and restricted. */
    private static String expand(String serviceId, String template, JsonNode body) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode v = body == null ? null : body.get(m.group(1));
            if (v == null || !v.isString() || !SAFE_VALUE.matcher(v.asString()).matches()) {
                throw new ProblemException(ConnectorError.REQUEST_INVALID, "Field '" + m.group(1)
                        + "' must be 1 to 100 letters, digits, '.', '_', '~' or '-'", Map.of("service_id", serviceId));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(v.asString(), StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Throwable problem(ServiceDefinition service, Resilience r, Throwable e, long start) {
        if (e instanceof ProblemException p) {
            record(service.id(), p.error().code(), start);
            return p;
        }
        String id = service.id();
        Map<String, Object> props = Map.of("service_id", id, "agency_id", service.agencyId());
        ConnectorError code;
        Map<String, String> headers = Map.of();
        String detail;
        if (e instanceof CallNotPermittedException) {
            code = ConnectorError.AGENCY_CIRCUIT_OPEN;
            long wait = Math.max(1, r.breaker().getCircuitBreakerConfig()
                    .getWaitIntervalFunctionInOpenState().apply(1) / 1000);
            headers = Map.of("Retry-After", Long.toString(wait));
            detail = "Calls to " + id + " are paused after repeated failures; retry later";
        } else if (e instanceof BulkheadFullException) {
            code = ConnectorError.AGENCY_BUSY;
            headers = Map.of("Retry-After", "1");
            detail = "Too many calls to " + id + " are in flight";
        } else if (e instanceof RequestNotPermitted) {
            code = ConnectorError.AGENCY_RATE_LIMITED;
            headers = Map.of("Retry-After", "1");
            detail = "The call rate to " + id + " is exhausted for now";
        } else if (e instanceof TimeoutException) {
            code = ConnectorError.AGENCY_TIMEOUT;
            detail = "The agency of " + id + " did not answer within " + r.spec().timeoutMillis() + " ms";
        } else if (e instanceof AgencyFailure f) {
            code = f.error();
            detail = f.getMessage() + " (" + id + ")";
        } else if (hasCause(e, EgressPolicyResolverGroup.ForbiddenTargetException.class)) {
            code = ConnectorError.AGENCY_TARGET_FORBIDDEN;
            detail = "The address of " + id + " is not one the platform may call";
        } else {
            code = ConnectorError.AGENCY_UNAVAILABLE;
            detail = "The agency of " + id + " could not be reached";
        }
        record(id, code.code(), start);
        return new ProblemException(code, detail, props, headers, e);
    }

    private void record(String serviceId, String outcome, long start) {
        long took = System.nanoTime() - start;
        typicalNanos.merge(serviceId, took, (was, now) -> was + (now - was) / 8);
        Counter.builder("onecitizen.connector.calls").tag("service", serviceId).tag("outcome", outcome)
                .description("Agency calls by outcome").register(meters).increment();
        Timer.builder("onecitizen.connector.latency").tag("service", serviceId)
                .publishPercentiles(0.5, 0.95, 0.99).distributionStatisticExpiry(Duration.ofMinutes(2))
                .description("Agency call latency, retries included").register(meters)
                .record(took, TimeUnit.NANOSECONDS);
    }

    private static boolean hasCause(Throwable t, Class<?> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** The breaker of a connector, for metrics binding and tests; null before its first call. */
    public CircuitBreaker breaker(String serviceId) {
        Resilience r = connectors.get(serviceId);
        return r == null ? null : r.breaker();
    }
}
