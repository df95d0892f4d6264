package th.onecitizen.mocks.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleAgencyTests {

    private static final String ASSERTION = "eyJhbGciOiJFUzI1NiJ9.eyJhdWQiOiJkb3BhIn0.c2ln";
    private static SampleAgency dopa;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        dopa = new SampleAgency(AgencyProfile.samples().get(0), 0);
    }

    @AfterAll
    static void stop() {
        dopa.close();
    }

    private HttpResponse<String> get(boolean withKey) throws IOException, InterruptedException {
        return get(dopa.profile().path(), withKey);
    }

    private HttpResponse<String> get(String path, boolean withKey) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(dopa.baseUrl() + path))
                .header(SampleAgency.ASSERTION_HEADER, ASSERTION);
        if (withKey) {
            b.header("X-API-Key", dopa.profile().apiKey());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void summaryWhenAuthorisedThenRealisticThaiRecord() throws Exception {
        dopa.fault(FaultMode.NONE);
        HttpResponse<String> r = get(true);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("นนทบุรี");
    }

    @Test
    void summaryWhenNoApiKeyThenUnauthorised() throws Exception {
        dopa.fault(FaultMode.NONE);
        assertThat(get(false).statusCode()).isEqualTo(401);
    }

    @Test
    void faultModesWhenSwitchedThenMisbehaveAsNamed() throws Exception {
        dopa.fault(FaultMode.SERVER_ERROR);
        assertThat(get(true).statusCode()).isEqualTo(503);
        dopa.fault(FaultMode.MALFORMED_JSON);
        assertThat(get(true).body()).doesNotEndWith("}");
        dopa.fault(FaultMode.OVERSIZED);
        assertThat(get(true).body().length()).isGreaterThan(2 * 1024 * 1024);
        dopa.fault(FaultMode.REDIRECT_INWARD);
        assertThat(get(true).statusCode()).isEqualTo(302);
        dopa.fault(FaultMode.CONNECTION_RESET);
        assertThatThrownBy(() -> get(true)).isInstanceOf(IOException.class);
        dopa.fault(FaultMode.NONE);
    }

    private HttpResponse<String> privacy(String path, String body, boolean withKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(dopa.baseUrl() + path))
                .header(SampleAgency.ASSERTION_HEADER, ASSERTION).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (withKey) {
            b.header("X-API-Key", dopa.profile().apiKey());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void privacyEndpointsWhenAuthorisedThenAnswerAcknowledgeAndFailOnDemand() throws Exception {
        String request = "{\"request_id\":\"r-1\",\"right\":\"access\"}";
        HttpResponse<String> access = privacy(PrivacyAnswers.ACCESS_PATH, request, true);
        assertThat(access.statusCode()).isEqualTo(200);
        assertThat(access.body()).contains("\"status\":\"data\"", "obtained_without_consent", "Civil Registration Act");
        assertThat(privacy(PrivacyAnswers.ACCESS_PATH, request, false).statusCode()).isEqualTo(401);

        HttpResponse<String> correction = privacy(PrivacyAnswers.CORRECTION_PATH, request, true);
        assertThat(correction.body()).isEqualTo("{\"status\":\"accepted\",\"reference\":\"DOPA-COR-r-1\"}");

        dopa.holdsNoData(true);
        assertThat(privacy(PrivacyAnswers.ACCESS_PATH, request, true).body()).isEqualTo("{\"status\":\"no_data\"}");
        dopa.privacyFault(FaultMode.SERVER_ERROR);
        assertThat(privacy(PrivacyAnswers.ACCESS_PATH, request, true).statusCode()).isEqualTo(503);
        assertThat(get(true).statusCode()).isEqualTo(200);
        dopa.privacyFault(FaultMode.NONE);
        dopa.holdsNoData(false);
        assertThat(dopa.privacyRequestLog(PrivacyAnswers.ACCESS_PATH)).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void extraPathWhenAddedThenAnswersLikeTheSummaryAndSurvivesFaultChanges() throws Exception {
        dopa.extraPath("/fan-out/v1/agency-07", 20);
        dopa.fault(FaultMode.SERVER_ERROR);
        int before = dopa.requestsTo("/fan-out/v1/agency-07");
        HttpResponse<String> r = get("/fan-out/v1/agency-07", true);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("นนทบุรี");
        assertThat(get("/fan-out/v1/agency-07", false).statusCode()).isEqualTo(401);
        assertThat(get(true).statusCode()).isEqualTo(503);
        assertThat(dopa.requestsTo("/fan-out/v1/agency-07")).isEqualTo(before + 2);
        dopa.fault(FaultMode.NONE);
        assertThatThrownBy(() -> dopa.extraPath(dopa.profile().path(), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
