package th.onecitizen.bff.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import th.onecitizen.bff.OneCitizenApplication;

/**
 * The whole application on a random port, with the demo wiring, against the real PostgreSQL and Redis. Test classes
 * that share this annotation share one application context. Verified birth dates come from
 * {@link TestSubjectFacts}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(classes = OneCitizenApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles({"demo", "test"})
@Import({TestSubjectFacts.class, TestDns.class})
public @interface ApplicationTest {
}
