package th.onecitizen.bff.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * In the demo profile, turns "any free port" (0) for the server and the identity mocks into a concrete free port
 * before anything reads it. The issuer and the upstream callback URLs are built from the server port, and the
 * provider URLs from the mocks' port, so both must be known up front, not after the servers bind.
 */
public final class DemoPortsPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String MOCKS_PORT = "onecitizen.demo.identity-mocks.port";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        Map<String, Object> ports = new HashMap<>();
        if (Integer.valueOf(0).equals(env.getProperty("server.port", Integer.class))) {
            ports.put("server.port", freePort());
        }
        if (Integer.valueOf(0).equals(env.getProperty(MOCKS_PORT, Integer.class))) {
            ports.put(MOCKS_PORT, freePort());
        }
        if (!ports.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource("demoPorts", ports));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on the loopback interface", e);
        }
    }
}
