package th.onecitizen.mocks.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mocks behave like their providers: checksum, deterministic people, picker, redirects, scenarios. */
class IdentityMocksTests {

    static IdentityMocks mocks;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        mocks = IdentityMocks.start(0, "rp", "rp-secret", true);
    }

    @AfterAll
    static void stop() {
        mocks.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(mocks.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void citizensAreCheckedAndDeterministic() {
        String cid = ThaiCitizens.withCheckDigit("110170020345");
        assertThat(ThaiCitizens.valid(cid)).isTrue();
        assertThat(ThaiCitizens.valid(ThaiCitizens.corrupt(cid))).isFalse();
        assertThat(ThaiCitizens.person(cid)).isEqualTo(ThaiCitizens.person(cid));
    }

    @Test
    void thaidShowsAPickerWithoutHintRedirectsWithAHintAndRefusesABadId() throws Exception {
        String q = "/thaid/api/v2/oauth2/auth/?response_type=code&client_id=rp&redirect_uri=http%3A%2F%2Frp%2Fcb"
                + "&scope=openid%20pid&state=s1";
        HttpResponse<String> picker = get(q);
        assertThat(picker.statusCode()).isEqualTo(200);
        assertThat(picker.body()).contains("class=\"citizen\"");
        String cid = ThaiCitizens.samples().get(0);
        HttpResponse<String> approved = get(q + "&login_hint=" + cid);
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(approved.headers().firstValue("Location").orElseThrow()).startsWith("http://rp/cb?code=")
                .contains("state=s1");
        assertThat(get(q + "&login_hint=" + ThaiCitizens.corrupt(cid)).statusCode()).isEqualTo(400);
        mocks.scenario("thaid", Scenario.DENIED);
        assertThat(get(q + "&login_hint=" + cid).headers().firstValue("Location").orElseThrow())
                .contains("error=user_denied");
        mocks.reset();
    }

    @Test
    void scenariosCanBeSwitchedOverHttp() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(mocks.baseUrl()
                + "/__scenario/paotang/DOWN")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(mocks.baseUrl()
                + "/paotang/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=x&client_id=rp"
                        + "&client_secret=rp-secret")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(503);
        mocks.reset();
    }
}
