package th.onecitizen.mocks.idp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four upstream identity providers on one WireMock server: ThaiD under {@code /thaid}, MOPH ID under
 * {@code /mophid}, Pao Tang under {@code /paotang} (and its open API under {@code /paotang-openapi}), NDID under
 * {@code /ndid}. Tests switch scenarios with {@link #scenario}; {@code POST /__scenario/{provider}/{SCENARIO}}
 * does the same over HTTP for the standalone sandbox.
 */
public final class IdentityMocks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdentityMocks.class);
    private static final String TRANSFORMER = "onecitizen-idp-mocks";

    private final WireMockServer server;
    private final Map<String, MockProvider> providers = new LinkedHashMap<>();
    private final Map<String, MockProvider.Route> routes = new LinkedHashMap<>();

    private IdentityMocks(int port, String clientId, String clientSecret, boolean autoApprove, int slowMillis) {
        Dispatcher dispatcher = new Dispatcher();
        this.server = new WireMockServer(options().port(port).bindAddress("127.0.0.1").containerThreads(16)
                .extensions(dispatcher).disableRequestJournal());
        server.start();
        MockSettings settings = new MockSettings("http://127.0.0.1:" + server.port(), clientId, clientSecret,
                autoApprove, slowMillis);
        for (MockProvider p : List.of(new ThaidMock(settings), new MophIdMock(settings), new PaotangMock(settings),
                new NdidMock(settings, autoApprove ? 150 : 600_000))) {
            providers.put(p.name, p);
            p.routes().forEach((name, route) -> {
                routes.put(name, route);
                server.stubFor(request(route.method().getName(), urlPathMatching(route.pathRegex()))
                        .withMetadata(Metadata.metadata().attr("route", name))
                        .willReturn(aResponse().withTransformers(TRANSFORMER)));
            });
        }
        routes.put("scenario", new MockProvider.Route(com.github.tomakehurst.wiremock.http.RequestMethod.POST,
                "/__scenario/[a-z]+/[A-Z_]+", req -> {
                    String[] parts = req.getUrl().split("\\?")[0].split("/");
                    scenario(parts[2], Scenario.valueOf(parts[3]));
                    return MockHttp.json(200, Map.of("provider", parts[2], "scenario", parts[3]));
                }));
        server.stubFor(request("POST", urlPathMatching("/__scenario/[a-z]+/[A-Z_]+"))
                .withMetadata(Metadata.metadata().attr("route", "scenario"))
                .willReturn(aResponse().withTransformers(TRANSFORMER)));
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
        return "http://127.0.0.1:" + server.port();
    }

    /** The port the mocks listen on. */
    public int port() {
        return server.port();
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
        server.stop();
    }

    /** Sends each request to the route named in its stub's metadata. */
    private final class Dispatcher implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            MockProvider.Route route = routes.get(event.getStubMapping().getMetadata().getString("route"));
            try {
                return route.handler().apply(event.getRequest());
            } catch (RuntimeException e) {
                log.warn("Mock route failed: {}", e.toString());
                return MockHttp.json(400, Map.of("error", "invalid_request"));
            }
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return TRANSFORMER;
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
