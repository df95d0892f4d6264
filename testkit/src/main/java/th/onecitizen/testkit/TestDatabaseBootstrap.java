package th.onecitizen.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
        String admin = "jdbc:postgresql://" + TestInfrastructure.pgHost() + ":" + TestInfrastructure.pgPort()
                + "/postgres";
        String database = TestInfrastructure.database();
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalStateException("ONECITIZEN_TEST_DB must be a lowercase identifier");
        }
        try (Connection c = DriverManager.getConnection(admin, TestInfrastructure.pgUser(), "")) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet r = exists.executeQuery()) {
                    if (r.next()) {
                        return;
                    }
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            } catch (SQLException raced) {
                // another test JVM created it at the same moment: fine as long as it exists now
                if (!"42P04".equals(raced.getSQLState())) {
                    throw raced;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach PostgreSQL at " + admin + " to prepare the test database "
                    + database + ": is it running? (" + e.getSQLState() + ")", e);
        }
    }
}
