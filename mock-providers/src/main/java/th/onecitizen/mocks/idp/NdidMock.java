package th.onecitizen.mocks.idp;

import static th.onecitizen.mocks.idp.MockHttp.json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import th.onecitizen.mocks.idp.MockHttp.Request;
import th.onecitizen.mocks.idp.MockHttp.Response;

/**
 * An NDID RP node: requests are created with 202 and answered later by callbacks POSTed to the RP's
 * {@code callback_url} ({@code create_request_result}, then {@code request_status} on every change); the RP can
 * poll {@code GET /utility/requests/{id}}. In auto-approve mode an IdP accepts shortly after creation; otherwise a
 * page at {@code /ndid/idp/requests/{id}} lets a human accept or reject.
 */
final class NdidMock extends MockProvider {

    private static final Set<String> REQUIRED = Set.of("callback_url", "min_aal", "min_ial", "min_idp", "mode",
            "reference_id", "request_message", "request_timeout");

    private static final class NdidRequest {
        final String requestId;
        final String referenceId;
        final String callbackUrl;
        final Map<String, Object> body;
        volatile String status = "pending";
        volatile boolean closed;
        volatile boolean timedOut;
        final List<Map<String, Object>> responses = new ArrayList<>();

        NdidRequest(String requestId, String referenceId, String callbackUrl, Map<String, Object> body) {
            this.requestId = requestId;
            this.referenceId = referenceId;
            this.callbackUrl = callbackUrl;
            this.body = body;
        }
    }

    private final Map<String, NdidRequest> requests = new ConcurrentHashMap<>();
    private final Map<String, String> referenceInProgress = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ndid-mock-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int approveDelayMillis;
    private volatile NdidRequest lastRequest;
    private final java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger();

    /** The last request created: {request_id, reference_id, callback_url} (a hook for tests of the RP). */
    Map<String, String> lastRequest() {
        NdidRequest r = lastRequest;
        return r == null ? Map.of() : Map.of("request_id", r.requestId, "reference_id", r.referenceId,
                "callback_url", r.callbackUrl);
    }

    /** How many requests were created so far. */
    int createdCount() {
        return created.get();
    }

    NdidMock(MockSettings settings, int approveDelayMillis) {
        super("ndid", settings);
        this.approveDelayMillis = approveDelayMillis;
    }

    @Override
    Map<String, Route> routes() {
        Map<String, Route> r = new LinkedHashMap<>();
        r.put("ndid-create", new Route("POST", "/ndid/rp/requests/citizen_id/[^/]+", this::create));
        r.put("ndid-status", new Route("GET", "/ndid/utility/requests/[^/]+", this::status));
        r.put("ndid-close", new Route("POST", "/ndid/rp/request_close", this::close));
        r.put("ndid-idp-page", new Route("GET", "/ndid/idp/requests/[^/]+", this::idpPage));
        r.put("ndid-idp-answer", new Route("POST", "/ndid/idp/requests/[^/]+", this::idpAnswer));
        return r;
    }

    private static Response error(int status, int code, String message) {
        return json(status, Map.of("error", Map.of("code", code, "message", message)));
    }

    @SuppressWarnings("unchecked")
    private Response create(Request req) {
        if (scenario() == Scenario.DOWN) {
            return error(503, 10000, "node unavailable");
        }
        String key = req.header("x-api-key");
        if (key != null && !key.equals(settings.clientSecret())) {
            return error(401, 20001, "invalid api key");
        }
        String path = req.url().split("\\?")[0];
        String pid = path.substring(path.lastIndexOf('/') + 1);
        if (!ThaiCitizens.valid(pid)) {
            return error(400, 20004, "invalid identifier");
        }
        Map<String, Object> body;
        try {
            body = MockHttp.JSON.readValue(req.body(), Map.class);
        } catch (RuntimeException e) {
            return error(400, 20003, "body is not JSON");
        }
        for (String field : REQUIRED) {
            if (!body.containsKey(field)) {
                return error(400, 20003, "missing " + field);
            }
        }
        if (String.valueOf(body.get("request_message")).length() > 1024) {
            return error(400, 20009, "request_message too long");
        }
        String ref = String.valueOf(body.get("reference_id"));
        String requestId = random();
        if (referenceInProgress.putIfAbsent(ref, requestId) != null) {
            return error(400, 20045, "reference_id in progress");
        }
        NdidRequest r = new NdidRequest(requestId, ref, String.valueOf(body.get("callback_url")), body);
        requests.put(requestId, r);
        timer.schedule(() -> callback(r, Map.of("type", "create_request_result", "reference_id", ref,
                "request_id", requestId, "success", true)), 20, TimeUnit.MILLISECONDS);
        timer.schedule(() -> callback(r, statusBody(r)), 40, TimeUnit.MILLISECONDS);
        lastRequest = r;
        created.incrementAndGet();
        if (scenario() == Scenario.SLOW) {
            // the citizen takes their time: nothing happens until a human answers on the IdP page
            return json(202, Map.of("request_id", requestId, "initial_salt", random()));
        }
        if (settings.autoApprove() || scenario() != Scenario.NORMAL) {
            Scenario s = scenario();
            timer.schedule(() -> answer(r, s), approveDelayMillis, TimeUnit.MILLISECONDS);
        }
        return json(202, Map.of("request_id", requestId, "initial_salt", random()));
    }

    private void answer(NdidRequest r, Scenario s) {
        if (r.closed) {
            return;
        }
        switch (s) {
            case NDID_REJECTED, DENIED -> {
                r.responses.add(response("idp-mock-1", "reject"));
                r.status = "rejected";
            }
            case NDID_COMPLICATED -> {
                r.responses.add(response("idp-mock-1", "accept"));
                r.responses.add(response("idp-mock-2", "reject"));
                r.status = "complicated";
            }
            case NDID_TIMED_OUT -> {
                r.timedOut = true;
                r.closed = true;
            }
            case NDID_LOW_IAL -> {
                Map<String, Object> low = response("idp-mock-1", "accept");
                low.put("ial", 1.3);
                r.responses.add(low);
                r.status = "completed";
                r.closed = true;
            }
            case NDID_INVALID_SIGNATURE -> {
                Map<String, Object> unsigned = response("idp-mock-1", "accept");
                unsigned.put("valid_signature", false);
                r.responses.add(unsigned);
                r.status = "completed";
                r.closed = true;
            }
            default -> {
                r.responses.add(response("idp-mock-1", "accept"));
                r.status = "completed";
                r.closed = true;
            }
        }
        if (r.closed) {
            referenceInProgress.remove(r.referenceId);
        }
        callback(r, statusBody(r));
    }

    private Map<String, Object> response(String idp, String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("idp_id", idp);
        m.put("ial", 2.3);
        m.put("aal", 2.2);
        m.put("status", status);
        m.put("error_code", null);
        m.put("signature", random());
        m.put("valid_signature", true);
        m.put("valid_ial", true);
        return m;
    }

    private Map<String, Object> statusBody(NdidRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "request_status");
        m.put("request_id", r.requestId);
        m.put("reference_id", r.referenceId);
        m.put("mode", r.body.get("mode"));
        m.put("min_ial", r.body.get("min_ial"));
        m.put("min_aal", r.body.get("min_aal"));
        m.put("min_idp", r.body.get("min_idp"));
        m.put("response_list", List.copyOf(r.responses));
        m.put("status", r.status);
        m.put("closed", r.closed);
        m.put("timed_out", r.timedOut);
        m.put("block_height", 1000 + r.responses.size());
        return m;
    }

    private void callback(NdidRequest r, Map<String, Object> body) {
        HttpRequest post = HttpRequest.newBuilder(URI.create(r.callbackUrl)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MockHttp.JSON.writeValueAsString(body))).build();
        // the real node retries for up to 600 s; the mock retries a few times, which is what tests need
        sendWithRetry(post, 3);
    }

    private void sendWithRetry(HttpRequest post, int attempts) {
        http.sendAsync(post, HttpResponse.BodyHandlers.discarding()).whenComplete((resp, err) -> {
            if ((err != null || resp.statusCode() >= 500) && attempts > 1) {
                timer.schedule(() -> sendWithRetry(post, attempts - 1), 200, TimeUnit.MILLISECONDS);
            }
        });
    }

    private NdidRequest byPath(Request req) {
        String path = req.url().split("\\?")[0];
        return requests.get(path.substring(path.lastIndexOf('/') + 1));
    }

    private Response status(Request req) {
        NdidRequest r = byPath(req);
        if (r == null) {
            return error(404, 20012, "request not found");
        }
        Map<String, Object> body = new LinkedHashMap<>(statusBody(r));
        body.remove("type");
        return json(200, body);
    }

    @SuppressWarnings("unchecked")
    private Response close(Request req) {
        Map<String, Object> body = MockHttp.JSON.readValue(req.body(), Map.class);
        NdidRequest r = requests.get(String.valueOf(body.get("request_id")));
        if (r == null) {
            return error(404, 20012, "request not found");
        }
        r.closed = true;
        referenceInProgress.remove(r.referenceId);
        timer.schedule(() -> callback(r, Map.of("type", "close_request_result", "reference_id", r.referenceId,
                "request_id", r.requestId, "success", true)), 10, TimeUnit.MILLISECONDS);
        return json(202, Map.of());
    }

    private Response idpPage(Request req) {
        NdidRequest r = byPath(req);
        if (r == null) {
            return MockHttp.html(404, "<p>no such request</p>");
        }
        String action = MockHttp.escape(base() + "/idp/requests/" + r.requestId);
        return MockHttp.html(200, "<!doctype html><html lang=\"th\"><head><meta charset=\"utf-8\"><title>NDID IdP "
                + "(mock)</title></head><body><h1>NDID IdP (mock)</h1><p>"
                + MockHttp.escape(String.valueOf(r.body.get("request_message"))) + "</p><form method=\"post\" "
                + "action=\"" + action + "\"><button name=\"answer\" value=\"accept\">ยืนยัน / Accept</button>"
                + "<button name=\"answer\" value=\"reject\">ปฏิเสธ / Reject</button></form></body></html>");
    }

    private Response idpAnswer(Request req) {
        NdidRequest r = byPath(req);
        if (r == null) {
            return MockHttp.html(404, "<p>no such request</p>");
        }
        answer(r, "reject".equals(MockHttp.form(req).get("answer")) ? Scenario.NDID_REJECTED : Scenario.NORMAL);
        return MockHttp.html(200, "<p>done</p>");
    }
}
