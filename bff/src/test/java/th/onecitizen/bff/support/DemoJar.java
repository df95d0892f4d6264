package th.onecitizen.bff.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged application, started as a user would start it: {@code java -jar bff/target/onecitizen-bff.jar}. */
public final class DemoJar implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    private final long startedNanos = System.nanoTime();

    private DemoJar(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar with the given extra arguments on a free port; its output goes to a file. */
    public static DemoJar start(String... args) throws IOException {
        Path jar = Path.of("target", "onecitizen-bff.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Package the application first: " + jar.toAbsolutePath());
        }
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("onecitizen-demo-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new DemoJar(process, log, port);
    }

    /** Polls readiness until it answers 200, and returns the time from process start. */
    public Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited; its log:\n" + output());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(url("/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Not ready within " + timeout + "; its log:\n" + output());
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Still running after " + timeout);
        }
        return process.exitValue();
    }

    /** An absolute URL on the running application. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Everything the application printed so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    /** Stops the application with SIGTERM (graceful shutdown) and returns its exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
