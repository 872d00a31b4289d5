package io.pgjet.jdbc;

import io.pgjet.testkit.PgServer;
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

    /** Returns a {@link PgJetDataSource} for the shared test server, set up by its bean setters. */
    static PgJetDataSource dataSource() {
        PgServer server = PgTestServer.shared();
        PgJetDataSource ds = new PgJetDataSource();
        ds.setServerName(server.host());
        ds.setPortNumber(server.port());
        ds.setDatabaseName(server.database());
        ds.setUser(server.user());
        ds.setPassword(server.password());
        return ds;
    }

    /** Runs each SQL string on a fresh auto-commit connection (test fixtures). */
    static void sql(String... statements) throws SQLException {
        try (Connection c = open(); java.sql.Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
