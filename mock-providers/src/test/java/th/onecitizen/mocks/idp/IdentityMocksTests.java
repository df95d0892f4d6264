package th.onecitizen.mocks.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
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

    static HttpResponse<String> post(String path, String form, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(mocks.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> getWithBearer(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(mocks.baseUrl() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String codeOf(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return location.replaceAll(".*[?&]code=([^&]+).*", "$1");
    }

    static String field(String json, String name) {
        return json.replaceAll("(?s).*\"" + name + "\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void thaidAccessTokensOpenUserinfoUnlessAltered() throws Exception {
        String cid = ThaiCitizens.samples().get(0);
        String code = codeOf(get("/thaid/api/v2/oauth2/auth/?response_type=code&client_id=rp"
                + "&redirect_uri=http%3A%2F%2Frp%2Fcb&scope=openid%20pid%20name&state=s1&login_hint=" + cid));
        String basic = Base64.getEncoder().encodeToString("rp:rp-secret".getBytes());
        HttpResponse<String> token = post("/thaid/api/v2/oauth2/token/", "grant_type=authorization_code&code=" + code
                + "&redirect_uri=http%3A%2F%2Frp%2Fcb", "Authorization", "Basic " + basic);
        assertThat(token.statusCode()).isEqualTo(200);
        String accessToken = field(token.body(), "access_token");
        assertThat(accessToken).doesNotContain(cid);
        HttpResponse<String> userinfo = getWithBearer("/thaid/api/v2/oauth2/userinfo/", accessToken);
        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(userinfo.body()).contains("\"pid\":\"" + cid + "\"").contains("\"given_name\"")
                .doesNotContain("birthdate");
        String altered = accessToken.substring(0, accessToken.length() - 2)
                + (accessToken.endsWith("AA") ? "BB" : "AA");
        assertThat(getWithBearer("/thaid/api/v2/oauth2/userinfo/", altered).statusCode()).isEqualTo(401);
        // redeemed once only
        assertThat(post("/thaid/api/v2/oauth2/token/", "grant_type=authorization_code&code=" + code
                + "&redirect_uri=http%3A%2F%2Frp%2Fcb", "Authorization", "Basic " + basic).statusCode()).isEqualTo(400);
    }

    @Test
    void mophAccountsAnswerForItsOwnUnexpiredTokensOnly() throws Exception {
        String cid = ThaiCitizens.samples().get(1);
        String redirect = "/mophid/oauth/redirect?client_id=rp&redirect_uri=http%3A%2F%2Frp%2Fcb&state=s&login_hint="
                + cid;
        String form = "grant_type=authorization_code&client_id=rp&client_secret=rp-secret"
                + "&redirect_uri=http%3A%2F%2Frp%2Fcb&code=";
        HttpResponse<String> token = post("/mophid/api/v1/token", form + codeOf(get(redirect)));
        assertThat(token.statusCode()).isEqualTo(200);
        HttpResponse<String> accounts = getWithBearer("/mophid/api/v1/accounts", field(token.body(), "access_token"));
        assertThat(accounts.statusCode()).isEqualTo(200);
        assertThat(accounts.body()).contains("\"id_card_num\":\"" + cid + "\"");
        mocks.scenario("mophid", Scenario.EXPIRED_TOKEN);
        String expired = field(post("/mophid/api/v1/token", form + codeOf(get(redirect))).body(), "access_token");
        assertThat(getWithBearer("/mophid/api/v1/accounts", expired).statusCode()).isEqualTo(401);
        mocks.scenario("mophid", Scenario.BAD_SIGNATURE);
        String forged = field(post("/mophid/api/v1/token", form + codeOf(get(redirect))).body(), "access_token");
        assertThat(getWithBearer("/mophid/api/v1/accounts", forged).statusCode()).isEqualTo(401);
        mocks.reset();
    }
}
