package io.pgjet.jdbc;

import io.pgjet.testkit.PgTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Opens JDBC connections to the shared test server through {@link DriverManager}. */
final class Jdbc {
    private Jdbc() {
    }

    /** Returns the shared server's pgjdbc-style URL (user and password in the query). */
    static String url() {
        return PgTestServer.shared().jdbcUrl();
    }

    /** Opens a connection through the service-loaded driver. */
    static Connection open() throws SQLException {
        return DriverManager.getConnection(url());
    }

    /** Opens a connection with extra URL properties ({@code "&name=value..."}). */
    static Connection open(String extraQuery) throws SQLException {
        return DriverManager.getConnection(url() + extraQuery);
    }
}
