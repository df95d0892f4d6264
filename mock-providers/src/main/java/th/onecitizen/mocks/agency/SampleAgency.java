package th.onecitizen.mocks.agency;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * One sample agency API on its own WireMock server (its own port, so that each agency fails on its own). The
 * summary answers only a request that carries a citizen assertion and the agency's credential (an API key, or a
 * bearer token from its OAuth 2.0 client-credentials endpoint); a fault mode replaces the answer.
 */
public final class SampleAgency implements AutoCloseable {

    /** The header with OneCitizen's signed citizen assertion. */
    public static final String ASSERTION_HEADER = "X-OneCitizen-Assertion";

    private final AgencyProfile profile;
    private final WireMockServer server;
    private volatile FaultMode fault = FaultMode.NONE;
    private volatile int slowMillis = 1500;
    private volatile FaultMode privacyFault = FaultMode.NONE;
    private volatile boolean holdsNoData;
    private final java.util.Map<String, Integer> extraPaths = new java.util.LinkedHashMap<>();

    public SampleAgency(AgencyProfile profile, int port) {
        this.profile = profile;
        // enough request threads that "never answers" requests cannot starve the agency's own healthy stubs
        this.server = new WireMockServer(options().port(port).bindAddress("127.0.0.1").containerThreads(200)
                .jettyAcceptors(1).maxRequestJournalEntries(1000));
        server.start();
        install();
    }

    /** The agency's profile. */
    public AgencyProfile profile() {
        return profile;
    }

    /** The base URL OneCitizen calls. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Switches the fault mode; takes effect for the next request. */
    public synchronized void fault(FaultMode mode) {
        this.fault = mode;
        install();
    }

    /** The delay of {@link FaultMode#SLOW}. */
    public synchronized void slowMillis(int millis) {
        this.slowMillis = millis;
        install();
    }

    /** Switches the fault mode of the privacy endpoints only (access, correction, portability). */
    public synchronized void privacyFault(FaultMode mode) {
        this.privacyFault = mode;
        install();
    }

    /** When true the access endpoint answers that the agency holds no data about the citizen. */
    public synchronized void holdsNoData(boolean none) {
        this.holdsNoData = none;
        install();
    }

    /** Every request received on one of the privacy endpoints ({@link PrivacyAnswers}' paths). */
    public List<LoggedRequest> privacyRequestLog(String path) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(urlPathEqualTo(path)));
    }

    /**
     * Also answers {@code path} like the summary (same credentials, same body), after {@code delayMillis}: many
     * services with their own latencies on one sample agency (the dashboard fan-out benchmark). Kept across fault
     * changes, which touch only the summary path.
     */
    public synchronized void extraPath(String path, int delayMillis) {
        if (!path.startsWith("/") || path.equals(profile.path()) || delayMillis < 0) {
            throw new IllegalArgumentException("An extra path must start with '/', differ from the summary path "
                    + "and have a delay of 0 ms or more");
        }
        extraPaths.put(path, delayMillis);
        install();
    }

    /** The current fault mode. */
    public FaultMode fault() {
        return fault;
    }

    /** Requests received so far on the summary path (journal kept only for that path's count). */
    public int summaryRequests() {
        return server.countRequestsMatching(any(urlPathEqualTo(profile.path())).build().getRequest()).getCount();
    }

    /** Every request received on the summary path. */
    public List<LoggedRequest> summaryRequestLog() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                urlPathEqualTo(profile.path())));
    }

    private void install() {
        server.resetMappings();
        if (profile.apiKey() == null) {
            server.stubFor(post(urlPathEqualTo("/oauth/token"))
                    .withBasicAuth(AgencyProfile.OAUTH_CLIENT_ID, AgencyProfile.OAUTH_CLIENT_SECRET)
                    .withRequestBody(matching(".*grant_type=client_credentials.*"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody("{\"access_token\":\"" + AgencyProfile.OAUTH_ACCESS_TOKEN
                                    + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
            server.stubFor(post(urlPathEqualTo("/oauth/token")).atPriority(10)
                    .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                            .withBody("{\"error\":\"invalid_client\"}")));
        }
        MappingBuilder authorised = any(urlPathEqualTo(profile.path()))
                .withHeader(ASSERTION_HEADER, matching("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"));
        authorised = profile.apiKey() != null ? authorised.withHeader("X-API-Key", equalTo(profile.apiKey()))
                : authorised.withHeader("Authorization", equalTo("Bearer " + AgencyProfile.OAUTH_ACCESS_TOKEN));
        server.stubFor(authorised.atPriority(1).willReturn(answer()));
        server.stubFor(any(urlPathEqualTo(profile.path())).atPriority(5)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"unauthorized\"}")));
        privacy(PrivacyAnswers.ACCESS_PATH, holdsNoData ? PrivacyAnswers.noData()
                : PrivacyAnswers.access(profile.id()));
        privacy(PrivacyAnswers.CORRECTION_PATH, PrivacyAnswers.accepted(profile.id(), "COR"));
        privacy(PrivacyAnswers.PORTABILITY_PATH, PrivacyAnswers.accepted(profile.id(), "PORT"));
        extraPaths.forEach((path, delay) -> {
            MappingBuilder extra = any(urlPathEqualTo(path))
                    .withHeader(ASSERTION_HEADER, matching("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"));
            extra = profile.apiKey() != null ? extra.withHeader("X-API-Key", equalTo(profile.apiKey()))
                    : extra.withHeader("Authorization", equalTo("Bearer " + AgencyProfile.OAUTH_ACCESS_TOKEN));
            server.stubFor(extra.atPriority(1).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(profile.body()).withFixedDelay(delay)));
            server.stubFor(any(urlPathEqualTo(path)).atPriority(5)
                    .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                            .withBody("{\"error\":\"unauthorized\"}")));
        });
    }

    /** A privacy endpoint: POST with a JSON body, the citizen assertion and the agency's credential. */
    private void privacy(String path, String body) {
        MappingBuilder authorised = post(urlPathEqualTo(path))
                .withHeader(ASSERTION_HEADER, matching("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(matching("(?s)\\{.*\"request_id\".*\\}"));
        authorised = profile.apiKey() != null ? authorised.withHeader("X-API-Key", equalTo(profile.apiKey()))
                : authorised.withHeader("Authorization", equalTo("Bearer " + AgencyProfile.OAUTH_ACCESS_TOKEN));
        ResponseDefinitionBuilder ok = aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(body).withTransformers("response-template");
        server.stubFor(authorised.atPriority(1).willReturn(faulty(ok, privacyFault, body)));
        server.stubFor(any(urlPathEqualTo(path)).atPriority(5)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"unauthorized\"}")));
    }

    /** Requests received so far on {@code path}. */
    public int requestsTo(String path) {
        return server.countRequestsMatching(any(urlPathEqualTo(path)).build().getRequest()).getCount();
    }

    private ResponseDefinitionBuilder answer() {
        ResponseDefinitionBuilder ok = aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(profile.body());
        return faulty(ok, fault, profile.body());
    }

    private ResponseDefinitionBuilder faulty(ResponseDefinitionBuilder ok, FaultMode mode, String body) {
        return switch (mode) {
            case NONE -> ok;
            case SLOW -> ok.withFixedDelay(slowMillis);
            case SERVER_ERROR -> aResponse().withStatus(503).withBody("{\"error\":\"maintenance\"}");
            case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case MALFORMED_JSON -> ok.withBody(body.substring(0, body.length() / 2));
            case OVERSIZED -> ok.withBody("{\"padding\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
            case DRIBBLE -> ok.withChunkedDribbleDelay(body.length(), body.length() * 1000);
            case NEVER_ANSWERS -> ok.withFixedDelay(600_000);
            case REDIRECT_INWARD -> aResponse().withStatus(302).withHeader("Location",
                    "http://127.0.0.1:" + server.port() + "/admin/secrets");
        };
    }

    @Override
    public void close() {
        server.stop();
    }
}
