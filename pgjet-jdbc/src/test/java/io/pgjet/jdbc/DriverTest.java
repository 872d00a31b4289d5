package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgServer;
import io.pgjet.testkit.PgTestServer;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** URLs, properties and the data source, against the real server. */
class DriverTest {

    private static String value(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @Test
    void driverIsFoundThroughServiceLoaderAndDriverManager() throws SQLException {
        boolean found = false;
        for (Driver d : ServiceLoader.load(Driver.class)) {
            found |= d instanceof PgJetDriver;
        }
        assertTrue(found);
        assertInstanceOf(PgJetDriver.class, DriverManager.getDriver(Jdbc.url()));
        assertTrue(new PgJetDriver().acceptsURL("jdbc:pgjet://localhost/db"));
        assertFalse(new PgJetDriver().acceptsURL("jdbc:mysql://localhost/db"));
        assertNull(new PgJetDriver().connect("jdbc:mysql://localhost/db", null));
    }

    @Test
    void postgresqlUrlWithPropertiesConnects() throws SQLException {
        try (Connection c = Jdbc.open("&ApplicationName=jdbc%20test&currentSchema=pg_catalog&prepareThreshold=3")) {
            assertEquals("jdbc test", value(c, "show application_name"));
            assertEquals("pg_catalog", c.getSchema());
        }
    }

    @Test
    void propertiesOverrideTheUrl() throws SQLException {
        PgServer server = PgTestServer.shared();
        Properties info = new Properties();
        info.setProperty("user", server.user());
        if (server.password() != null) {
            info.setProperty("password", server.password());
        }
        info.setProperty("options", "-c statement_timeout=4321");
        String url = "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + server.database();
        try (Connection c = DriverManager.getConnection(url, info)) {
            assertEquals("4321ms", value(c, "show statement_timeout"));
        }
    }

    @Test
    void hostListTriesTheNextHost() throws SQLException {
        PgServer server = PgTestServer.shared();
        // Port 1 refuses connections; the second host is the real server.
        String url = "jdbc:postgresql://127.0.0.1:1," + server.host() + ":" + server.port() + "/" + server.database()
                + "?user=" + server.user() + (server.password() == null ? "" : "&password=" + server.password());
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals("1", value(c, "select 1"));
        }
    }

    @Test
    void pgjetUrlTakesALibpqUri() throws SQLException {
        String url = "jdbc:pgjet:" + PgTestServer.shared().dsn();
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals("2", value(c, "select 1 + 1"));
        }
    }

    @Test
    void unknownPropertyIsAClearError() {
        SQLException e = assertThrows(SQLException.class, () -> Jdbc.open("&noSuchProperty=1"));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("noSuchProperty"), e.getMessage());
    }

    @Test
    void refusedPgjdbcPropertyIsAClearError() {
        SQLException e = assertThrows(SQLException.class, () -> Jdbc.open("&autosave=always"));
        assertTrue(e.getMessage().contains("autosave"), e.getMessage());
    }

    @Test
    void wrongPasswordIsAnAuthorizationError() {
        PgServer server = PgTestServer.shared();
        String url = "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + server.database()
                + "?user=no_such_user_xyz&password=wrong";
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
        assertTrue(e.getSQLState().startsWith("28") || e.getSQLState().startsWith("08"), e.getSQLState());
        assertFalse(e.getMessage().contains("password=wrong"));
    }

    @Test
    void dataSourceBuildsItsUrlFromBeanProperties() throws SQLException {
        PgServer server = PgTestServer.shared();
        PgJetDataSource ds = Jdbc.dataSource();
        ds.setApplicationName("from-datasource");
        try (Connection c = ds.getConnection()) {
            assertEquals("from-datasource", value(c, "show application_name"));
            assertEquals(server.database(), c.getCatalog());
        }
    }

    @Test
    void socketTimeoutBecomesTheCommandTimeout() throws SQLException {
        try (Connection c = Jdbc.open("&socketTimeout=1")) {
            SQLException e = assertThrows(SQLException.class, () -> value(c, "select pg_sleep(5)"));
            assertInstanceOf(java.sql.SQLTimeoutException.class, e);
            assertEquals("1", value(c, "select 1"));
        }
    }
}
