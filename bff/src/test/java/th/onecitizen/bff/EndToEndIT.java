package th.onecitizen.bff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import th.onecitizen.bff.support.DemoJar;
import th.onecitizen.testkit.TestInfrastructure;

/**
 * Outside-in: the packaged demo jar, driven by an independent OpenID-certified client (openid-client) through
 * every provider and CIBA, and by a real browser (Debian's chromium through playwright-core) through the provider
 * chooser in Thai and English. The tests themselves live in {@code e2e/} and need Node.js 20+ and chromium, which
 * {@code .ci/run} installs when they are missing.
 */
class EndToEndIT {

    private static final Path E2E = Path.of("..", "e2e").toAbsolutePath().normalize();

    /**
     * The jar's own Redis database, emptied before each run: the suite fails token requests on purpose (refresh
     * reuse, revoked tokens), and the guessing throttle counts those per address and client; counters left by an
     * earlier run in the same window must not decide this one.
     */
    private static final int REDIS_DATABASE = 7;

    @Test
    void outsideInSuiteWhenRunAgainstTheDemoJarThenEveryTestPasses() throws Exception {
        assertThat(E2E.resolve("package.json")).exists();
        try (var redis = io.lettuce.core.RedisClient.create(io.lettuce.core.RedisURI.builder()
                .withHost(TestInfrastructure.redisHost()).withPort(TestInfrastructure.redisPort())
                .withDatabase(REDIS_DATABASE).build()).connect()) {
            redis.sync().flushdb();
        }
        try (DemoJar app = DemoJar.start("--spring.profiles.active=demo",
                "--spring.r2dbc.url=" + TestInfrastructure.r2dbcUrl(),
                "--spring.r2dbc.username=" + TestInfrastructure.pgUser(),
                "--spring.data.redis.host=" + TestInfrastructure.redisHost(),
                "--spring.data.redis.port=" + TestInfrastructure.redisPort(),
                "--spring.data.redis.database=" + REDIS_DATABASE,
                "--onecitizen.demo.identity-mocks.port=" + freePort())) {
            app.awaitReady(Duration.ofSeconds(120));
            String base = app.url("").toString().replaceAll("/$", "");
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), base, Duration.ofMinutes(5));
            String output = run(List.of("node", "--test", "--test-concurrency=1", "--test-reporter=tap"), base,
                    Duration.ofMinutes(8));
            assertThat(output).contains("# fail 0").doesNotContain("# pass 0").contains("certified client")
                    .contains("browser: provider chooser in th").contains("browser: provider chooser in en");
        }
    }

    private static String run(List<String> command, String baseUrl, Duration timeout)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("onecitizen-e2e-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(E2E.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("BASE_URL", baseUrl);
        Process p = pb.start();
        boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(String.join(" ", command) + " ->\n" + output);
        assertThat(done).as("%s finished within %s", command, timeout).isTrue();
        assertThat(p.exitValue()).as("%s exit code; output:%n%s", command, output).isZero();
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
