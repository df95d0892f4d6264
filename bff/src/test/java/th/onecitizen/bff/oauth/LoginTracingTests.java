package th.onecitizen.bff.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.identity.authorization.AuthorizationServer;
import th.onecitizen.mocks.idp.Scenario;
import th.onecitizen.testkit.CitizenIdFixtures;

/**
 * A login keeps its request's trace where it matters although most of it runs with the observation parked (not
 * propagated into every operator, see {@code ParkedObservation}): the upstream token call is a child of the login's
 * server observation, and the log line of a failed upstream login names the trace.
 */
@ApplicationTest
class LoginTracingTests extends AgainstIdentityMocks {

    @Autowired
    ObservationRegistry observations;

    /** Records, per upstream call, the kind of its parent observation (while a test asks for it). */
    static final class UpstreamParents implements ObservationHandler<ClientRequestObservationContext> {
        volatile boolean recording;
        final List<Object> parents = new CopyOnWriteArrayList<>();

        @Override
        public void onStop(ClientRequestObservationContext context) {
            if (recording && context.getRequest() != null
                    && context.getRequest().url().getPath().startsWith("/thaid/api/v2/oauth2/token")) {
                ObservationView parent = context.getParentObservation();
                parents.add(parent == null ? "none" : parent.getContextView());
            }
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof ClientRequestObservationContext;
        }
    }

    private static final UpstreamParents PARENTS = new UpstreamParents();
    private static volatile boolean registered;

    @Test
    void theUpstreamTokenCallOfALoginIsAChildOfTheLoginsServerObservation() throws Exception {
        if (!registered) {
            observations.observationConfig().observationHandler(PARENTS);
            registered = true;
        }
        PARENTS.parents.clear();
        PARENTS.recording = true;
        try {
            Map<String, String> back = driver.authorize(OAuthDriver.authorizeParams("thaid",
                    CitizenIdFixtures.random(), OAuthDriver.verifier()));
            assertThat(back).containsKey("code");
        } finally {
            PARENTS.recording = false;
        }
        assertThat(PARENTS.parents).hasSize(1);
        assertThat(PARENTS.parents.get(0)).isInstanceOf(ServerRequestObservationContext.class);
        assertThat(((ServerRequestObservationContext) PARENTS.parents.get(0)).getCarrier().getPath().value())
                .isEqualTo("/oauth2/callback/thaid");
    }

    @Test
    void theLogLineOfAFailedUpstreamLoginNamesTheTrace() throws Exception {
        List<String> traceIds = new CopyOnWriteArrayList<>();
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                // read on the logging thread: the MDC is copied from it
                if (event.getFormattedMessage().startsWith("Upstream login at thaid failed")) {
                    traceIds.add(String.valueOf(event.getMDCPropertyMap().get("traceId")));
                }
            }
        };
        capture.start();
        Logger logger = (Logger) LoggerFactory.getLogger(AuthorizationServer.class);
        logger.addAppender(capture);
        try {
            mocks.mocks().scenario("thaid", Scenario.DOWN);
            assertThat(driver.authorize(OAuthDriver.authorizeParams("thaid", CitizenIdFixtures.random(),
                    OAuthDriver.verifier()))).containsEntry("error", "temporarily_unavailable");
        } finally {
            logger.detachAppender(capture);
        }
        assertThat(traceIds).hasSize(1);
        assertThat(traceIds.get(0)).matches("[0-9a-f]{32}");
    }
}
