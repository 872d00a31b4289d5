package io.pgjet.internal.types;

import io.pgjet.testkit.PgTestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Tells a test which PostgreSQL major version it runs against, so that it asserts what that
 * version does (the suite runs on 13 to 18). Thread-safe: stateless.
 */
final class ServerVersion {
    private ServerVersion() {
    }

    /**
     * Returns the major version of the test server: the test kit's, or, when it does not know
     * (an external {@code PGJET_TEST_DSN} server), {@code server_version_num} read through
     * {@code c}.
     *
     * @param c a connection to the test server, used only when the test kit does not know
     * @return e.g. 13 or 18
     * @throws IllegalStateException if the query fails
     */
    static int major(Connection c) {
        int major = PgTestServer.shared().majorVersion();
        if (major > 0) {
            return major;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1).strip()) / 10000;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read server_version_num", e);
        }
    }
}
