package th.onecitizen.mocks.idp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.onecitizen.mocks.idp.MockHttp.Request;
import th.onecitizen.mocks.idp.MockHttp.Response;

/**
 * The four upstream identity providers on one HTTP server (the JDK's own, light enough to share a benchmark's
 * two cores with the application it serves): ThaiD under {@code /thaid}, MOPH ID under
 * {@code /mophid}, Pao Tang under {@code /paotang} (and its open API under {@code /paotang-openapi}), NDID under
 * {@code /ndid}. Tests switch scenarios with {@link #scenario}; {@code POST /__scenario/{provider}/{SCENARIO}}
 * does the same over HTTP for the standalone sandbox.
 */
public final class IdentityMocks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdentityMocks.class);
    private static final Response NOT_FOUND = MockHttp.json(404, Map.of("error", "not_found"));

    /** A route with its path compiled; matched in registration order, on the whole path. */
    private record Bound(String method, Pattern path, MockProvider.Route route) {
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService delays;
    private final Map<String, MockProvider> providers = new LinkedHashMap<>();
    private final List<Bound> routes = new ArrayList<>();

    private IdentityMocks(int port, String clientId, String clientSecret, boolean autoApprove, int slowMillis) {
        // the JDK's server flushes the headers before the body: without TCP_NODELAY, Nagle's algorithm holds the
        // body back until the client acknowledges the headers (up to its delayed-ACK timeout, 40 ms on Linux)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
        this.workers = Executors.newFixedThreadPool(16, daemon("identity-mocks-"));
        this.delays = Executors.newSingleThreadScheduledExecutor(daemon("identity-mocks-delay-"));
        server.setExecutor(workers);
        server.createContext("/", this::serve);
        MockSettings settings = new MockSettings(baseUrl(), clientId, clientSecret, autoApprove, slowMillis);
        for (MockProvider p : List.of(new ThaidMock(settings), new MophIdMock(settings), new PaotangMock(settings),
                new NdidMock(settings, autoApprove ? 150 : 600_000))) {
            providers.put(p.name, p);
            p.routes().values().forEach(this::bind);
        }
        bind(new MockProvider.Route("POST", "/__scenario/[a-z]+/[A-Z_]+", req -> {
            String[] parts = req.url().split("\\?")[0].split("/");
            scenario(parts[2], Scenario.valueOf(parts[3]));
            return MockHttp.json(200, Map.of("provider", parts[2], "scenario", parts[3]));
        }));
        // the port is bound at creation; requests are served only once every route is in place
        server.start();
    }

    private void bind(MockProvider.Route route) {
        routes.add(new Bound(route.method(), Pattern.compile(route.pathRegex()), route));
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Starts the mocks.
     *
     * @param port         the port, 0 for any free one
     * @param clientId     the relying party's client id at every mock
     * @param clientSecret its secret (NDID: the x-api-key)
     * @param autoApprove  approve at once when a valid login_hint is given (NDID: after a short delay)
     */
    public static IdentityMocks start(int port, String clientId, String clientSecret, boolean autoApprove) {
        return new IdentityMocks(port, clientId, clientSecret, autoApprove, 8_000);
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:8089}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The port the mocks listen on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Switches one provider ({@code thaid}, {@code mophid}, {@code paotang}, {@code ndid}) to a scenario. */
    public void scenario(String provider, Scenario scenario) {
        MockProvider p = providers.get(provider.toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new IllegalArgumentException("No mock provider " + provider);
        }
        p.scenario(scenario);
    }

    /** The NDID node's last created request: {@code request_id}, {@code reference_id}, {@code callback_url}. */
    public Map<String, String> lastNdidRequest() {
        return ((NdidMock) providers.get("ndid")).lastRequest();
    }

    /** How many NDID requests the node has created. */
    public int ndidRequestCount() {
        return ((NdidMock) providers.get("ndid")).createdCount();
    }

    /** Every provider back to {@link Scenario#NORMAL}. */
    public void reset() {
        providers.values().forEach(p -> p.scenario(Scenario.NORMAL));
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        delays.shutdownNow();
    }

    /** Reads a request, routes it and sends the answer (held back by the answer's delay, if any). */
    private void serve(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            Request request = new Request(exchange.getRequestMethod(), query == null ? path : path + "?" + query,
                    exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Response response = route(path, request);
            if (response.delayMillis() > 0) {
                delays.schedule(() -> send(exchange, response), response.delayMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            send(exchange, response);
        } catch (IOException | RuntimeException e) {
            log.debug("Mock request not read: {}", e.toString());
            exchange.close();
        }
    }

    /** The answer of the first route whose method and whole path match; 404 when none does. */
    private Response route(String path, Request request) {
        for (Bound b : routes) {
            if (b.method().equals(request.method()) && b.path().matcher(path).matches()) {
                return answer(b.route(), request);
            }
        }
        return NOT_FOUND;
    }

    private static Response answer(MockProvider.Route route, Request request) {
        try {
            return route.handler().apply(request);
        } catch (RuntimeException e) {
            log.warn("Mock route failed: {}", e.toString());
            return MockHttp.json(400, Map.of("error", "invalid_request"));
        }
    }

    private static void send(HttpExchange exchange, Response response) {
        try {
            response.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (IOException e) {
            log.debug("Mock response not delivered: {}", e.toString());
        } finally {
            exchange.close();
        }
    }

    /**
     * Runs the mocks standalone as a sandbox: {@code java -cp ... th.onecitizen.mocks.idp.IdentityMocks [port]
     * [clientId] [clientSecret]}. Without login_hint each provider shows a page to pick a fictitious citizen.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        String clientId = args.length > 1 ? args[1] : "onecitizen-demo";
        String secret = args.length > 2 ? args[2] : "DEMO-ONLY-upstream-secret";
        IdentityMocks mocks = start(port, clientId, secret, true);
        Runtime.getRuntime().addShutdownHook(new Thread(mocks::close));
        log.info("Identity provider mocks at {} (thaid, mophid, paotang, ndid)", mocks.baseUrl());
        Thread.currentThread().join();
    }
}
