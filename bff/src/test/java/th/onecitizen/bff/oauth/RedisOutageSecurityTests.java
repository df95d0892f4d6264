package th.onecitizen.bff.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.identity.IdentityProperties;
import th.onecitizen.testkit.TcpProxy;
import th.onecitizen.testkit.TestInfrastructure;

/**
 * S-AB-01 "503 if uncountable": the application reaches Redis through a proxy that the test cuts; while the
 * guessing and authorize limits cannot be counted, the endpoints fail closed with 503 and {@code Retry-After}, an
 * OAuth error body (a page at authorize) and no stack trace, and they recover when Redis returns.
 */
@ApplicationTest
class RedisOutageSecurityTests {

    static final TcpProxy redis = proxy();

    @Autowired
    IdentityProperties identity;

    static TcpProxy proxy() {
        try {
            return new TcpProxy(TestInfrastructure.redisHost(), TestInfrastructure.redisPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void throughProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", redis::port);
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
    }

    @AfterAll
    static void closeProxy() throws IOException {
        redis.close();
    }

    private static void assertUncountable(OAuthDriver.Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(503);
        assertThat(a.headers().get("retry-after")).containsExactly("5");
        assertThat(a.json()).containsEntry("error", "temporarily_unavailable");
        assertThat(a.body()).doesNotContain("Exception").doesNotContain("at th.").doesNotContain("Redis");
    }

    @Test
    void S_AB_01_whenRedisCannotCountTheTokenAndAuthorizeEndpointsAnswer503AndRecover() throws Exception {
        FromAddress app = new FromAddress(identity.issuer(), FromAddress.randomLoopback());
        Map<String, String> good = Map.of("Authorization", OAuthDriver.basic("agency-demo", "agency-demo-secret"));
        Map<String, String> credentials = Map.of("grant_type", "client_credentials");
        Map<String, String> chooser = OAuthDriver.authorizeParams(null, null, OAuthDriver.verifier());
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(app.post("/oauth2/token", credentials, good).status()).isEqualTo(200));
        redis.cut();
        try {
            // a confidential client: refused before it is tried, even with the right secret
            assertUncountable(app.post("/oauth2/token", credentials, good));
            assertUncountable(app.post("/oauth2/token", credentials,
                    Map.of("Authorization", OAuthDriver.basic("agency-demo", "wrong"))));
            // a public client's failure that cannot be counted
            assertUncountable(app.post("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id",
                    "superapp", "refresh_token", "guess-" + System.nanoTime()), Map.of()));
            // authorize: a page, 503 with Retry-After, nothing stored
            OAuthDriver.Answer page = app.get("/oauth2/authorize?" + OAuthDriver.query(chooser));
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.headers().get("retry-after")).containsExactly("5");
            assertThat(page.headers().get("content-type")).anySatisfy(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.location()).isNull();
            assertThat(page.body()).doesNotContain("Exception");
        } finally {
            redis.restore();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            OAuthDriver.Answer token = app.post("/oauth2/token", credentials, good);
            assertThat(token.status()).as(token.body()).isEqualTo(200);
            OAuthDriver.Answer authorize = app.get("/oauth2/authorize?" + OAuthDriver.query(chooser));
            assertThat(authorize.status()).as(authorize.body()).isEqualTo(200);
        });
    }
}
