package th.onecitizen.bff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import th.onecitizen.bff.support.DemoJar;
import th.onecitizen.testkit.TestInfrastructure;

/** The packaged jar starts the whole system in demo mode and answers readiness, as the README promises. */
class DemoJarIT {

    @Test
    void demoJarWhenStartedAgainstLocalPostgresAndRedisThenReadyAndStopsGracefully() throws Exception {
        try (DemoJar app = DemoJar.start("--spring.profiles.active=demo",
                "--spring.r2dbc.url=" + TestInfrastructure.r2dbcUrl(),
                "--spring.r2dbc.username=" + TestInfrastructure.pgUser(),
                "--spring.data.redis.host=" + TestInfrastructure.redisHost(),
                "--spring.data.redis.port=" + TestInfrastructure.redisPort(),
                "--spring.data.redis.database=" + TestInfrastructure.redisDatabase())) {
            Duration ready = app.awaitReady(Duration.ofSeconds(120));
            HttpResponse<String> readiness = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(app.url("/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.body()).contains("\"r2dbc\":{\"status\":\"UP\"}")
                    .contains("\"redis\":{\"status\":\"UP\"}");
            assertThat(app.output()).doesNotContain("embedded PostgreSQL");
            System.out.println("demo jar ready after " + ready.toMillis() + " ms");
            assertThat(app.stop()).isIn(0, 143);
            assertThat(app.output()).contains("Commencing graceful shutdown");
        }
    }

    @Test
    void demoJarWhenNoPostgresOrRedisReachableThenStartsEmbeddedOnesAndSaysWhere() throws Exception {
        Path dataDir = Files.createTempDirectory("onecitizen-demo-data");
        try (DemoJar app = DemoJar.start("--spring.profiles.active=demo",
                "--spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:1/test",
                "--spring.data.redis.port=1",
                "--onecitizen.demo.data-dir=" + dataDir)) {
            app.awaitReady(Duration.ofSeconds(180));
            assertThat(app.output())
                    .contains("started an embedded PostgreSQL").contains(dataDir.resolve("postgres").toString())
                    .contains("started an embedded Redis").contains(dataDir.resolve("redis").toString());
            assertThat(dataDir.resolve("postgres")).isNotEmptyDirectory();
        }
    }
}
