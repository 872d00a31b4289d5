package io.pgjet.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test class whose every test runs on its own fresh connection to the shared server,
 * {@link #conn}: opened through the driver before the test, with {@link #fixtures()} run on it,
 * and closed after.
 */
abstract class WithConnection {
    /** The connection of the running test. */
    Connection conn;

    /** Returns the statements run on each fresh connection before its test (temp tables, functions); none by default. */
    String[] fixtures() {
        return new String[0];
    }

    @BeforeEach
    void openConnection() throws SQLException {
        conn = Jdbc.open();
        String[] fixtures = fixtures();
        if (fixtures.length > 0) {
            try (Statement s = conn.createStatement()) {
                for (String sql : fixtures) {
                    s.execute(sql);
                }
            }
        }
    }

    @AfterEach
    void closeConnection() throws SQLException {
        conn.close();
    }
}
