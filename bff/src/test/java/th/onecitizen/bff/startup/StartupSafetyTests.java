package th.onecitizen.bff.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import th.onecitizen.bff.OneCitizenApplication;

/** Outside the demo, the application refuses to start without its settings, or with a demo-only secret. */
class StartupSafetyTests {

    private static Throwable start(String... properties) {
        return catchThrowable(() -> new SpringApplicationBuilder(OneCitizenApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("production-like")
                .properties(properties)
                .run().close());
    }

    private static UnsafeConfigurationException refusal(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnsafeConfigurationException u) {
                return u;
            }
        }
        throw new AssertionError("expected a refused start, got " + t);
    }

    @Test
    void startWhenSettingsMissingThenRefusedNamingEachSettingAndItsVariable() {
        UnsafeConfigurationException refused = refusal(start());
        assertThat(refused.problems()).anySatisfy(p -> assertThat(p).contains("spring.r2dbc.url")
                .contains("SPRING_R2DBC_URL"));
        assertThat(refused.problems()).anySatisfy(p -> assertThat(p).contains("onecitizen.issuer"));
        assertThat(refused.problems()).anySatisfy(p -> assertThat(p).contains("spring.data.redis.host"));
    }

    @Test
    void startWhenDemoOnlySecretConfiguredThenRefusedWithoutEchoingIt() {
        UnsafeConfigurationException refused = refusal(start(
                "spring.r2dbc.url=r2dbc:postgresql://db:5432/oc", "spring.r2dbc.username=oc",
                "spring.r2dbc.password=s3cret", "spring.data.redis.host=redis",
                "onecitizen.issuer=https://id.onecitizen.example",
                "onecitizen.identity.hmac-key=DEMO-ONLY-key-material-123"));
        assertThat(refused.problems()).singleElement().satisfies(p -> assertThat(p)
                .contains("onecitizen.identity.hmac-key").doesNotContain("key-material-123"));
        assertThat(refused.getMessage()).doesNotContain("s3cret");
    }

    @Test
    void startWhenIssuerIsNotHttpsThenRefused() {
        UnsafeConfigurationException refused = refusal(start(
                "spring.r2dbc.url=r2dbc:postgresql://db:5432/oc", "spring.r2dbc.username=oc",
                "spring.r2dbc.password=s3cret", "spring.data.redis.host=redis",
                "onecitizen.issuer=http://id.onecitizen.example"));
        assertThat(refused.problems()).singleElement().satisfies(p -> assertThat(p).contains("https"));
    }

    @Test
    void failureAnalysisWhenRefusedThenSaysWhatToDo() {
        UnsafeConfigurationException refused = refusal(start());
        var analysis = new UnsafeConfigurationFailureAnalyzer().analyze(refused);
        assertThat(analysis.getDescription()).contains("refused to start").contains("spring.r2dbc.url");
        assertThat(analysis.getAction()).contains("demo");
    }
}
