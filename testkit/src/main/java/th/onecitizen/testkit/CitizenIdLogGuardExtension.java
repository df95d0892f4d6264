package th.onecitizen.testkit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Registered for every test in every module (JUnit extension auto-detection): fails a test during which any code
 * logged a checksum-valid citizen ID. Tests that log one on purpose (to prove the masking) carry
 * {@link LogsCitizenIdOnPurpose}.
 */
public final class CitizenIdLogGuardExtension implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        appender().drain();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> leaks = appender().drain();
        boolean onPurpose = context.getTestMethod().map(m -> m.isAnnotationPresent(LogsCitizenIdOnPurpose.class))
                .orElse(false)
                || context.getTestClass().map(c -> c.isAnnotationPresent(LogsCitizenIdOnPurpose.class)).orElse(false);
        if (!leaks.isEmpty() && !onPurpose) {
            throw new AssertionError("S-PV-01: a citizen ID reached the log during this test: " + leaks);
        }
    }

    /** The guard appender on the root logger; re-attached when Spring Boot has reset the logging system. */
    static synchronized CitizenIdLeakAppender appender() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new CitizenIdLeakAppender();
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(CitizenIdLeakAppender.NAME) instanceof CitizenIdLeakAppender existing) {
            return existing;
        }
        CitizenIdLeakAppender appender = new CitizenIdLeakAppender();
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        return appender;
    }
}
