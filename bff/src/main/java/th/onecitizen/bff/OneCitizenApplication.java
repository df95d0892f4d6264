package th.onecitizen.bff;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The OneCitizen application: the only Spring Boot main class, composing every module. */
@SpringBootApplication(scanBasePackages = "th.onecitizen")
@ConfigurationPropertiesScan("th.onecitizen")
public class OneCitizenApplication {

    public static void main(String[] args) {
        SpringApplication.run(OneCitizenApplication.class, args);
    }
}
