package th.onecitizen.bff;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The OneCitizen application: the only Spring Boot main class, composing every module. */
@SpringBootApplication(scanBasePackages = "th.onecitizen")
@ConfigurationPropertiesScan("th.onecitizen")
public class OneCitizenApplication {

    public static void main(String[] args) {
        eventLoopPerCore();
        SpringApplication.run(OneCitizenApplication.class, args);
    }

    /**
     * One Netty event loop per core for the HTTP server and R2DBC (Reactor Netty's default is at least four): on a
     * small machine, extra loops only add thread switches between requests and their database replies (measured on
     * two cores: the same refresh throughput for 8 % less CPU, BENCHMARKS.md). An explicit
     * {@code -Dreactor.netty.ioWorkerCount} wins.
     */
    static void eventLoopPerCore() {
        if (System.getProperty("reactor.netty.ioWorkerCount") == null) {
            System.setProperty("reactor.netty.ioWorkerCount",
                    String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors())));
        }
    }
}
