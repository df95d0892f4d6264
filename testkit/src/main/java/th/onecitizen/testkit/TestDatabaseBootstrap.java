package th.onecitizen.testkit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Creates the tests' own database ({@link TestInfrastructure#database()}) once per test JVM, before any test or
 * application context connects, so that tests never write into the database the demo runs on. Runs on the launcher
 * thread (plain JDBC at start-up, no event loop involved).
 */
public final class TestDatabaseBootstrap implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        TestInfrastructure.ensureDatabase();
    }
}
