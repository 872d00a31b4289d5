package io.pgjet.jdbc;

import io.pgjet.jdbc.internal.JdbcConfig;
import io.pgjet.jdbc.internal.JdbcConnection;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The {@link java.sql.Driver} for PgJet, registered with {@link DriverManager} when the class
 * loads (and found through {@code META-INF/services}). It accepts pgjdbc's URLs,
 * {@code jdbc:postgresql://host[:port][,host2[:port2]...]/database?property=value&...}, with
 * pgjdbc's common property names, and {@code jdbc:pgjet:} followed by any libpq connection string
 * ({@code jdbc:pgjet:postgresql://app@db/shop?sslmode=require}, {@code jdbc:pgjet://db/shop}).
 * See {@code docs/jdbc.md} for the property mapping.
 *
 * <p>Thread-safe and stateless; each {@link #connect} opens one new session on PgJet's blocking
 * transport.
 */
public final class PgJetDriver implements Driver {
    static {
        try {
            DriverManager.registerDriver(new PgJetDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Creates the driver; {@link DriverManager} and service loading call this. */
    public PgJetDriver() {
    }

    /**
     * Opens a connection, or returns null when {@code url} is not one this driver accepts (as
     * JDBC requires, so {@link DriverManager} can ask the next driver).
     *
     * @param url the JDBC URL
     * @param info extra properties ({@code user}, {@code password}, ...), overriding the URL's; may be null
     * @throws SQLException if the URL or a property is invalid (SQLSTATE 08001) or the server
     *     cannot be reached or refuses the session
     */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        return JdbcConnection.open(JdbcConfig.parse(url, info));
    }

    /** Returns whether {@code url} starts with {@code jdbc:postgresql:} or {@code jdbc:pgjet:}. */
    @Override
    public boolean acceptsURL(String url) {
        return JdbcConfig.accepts(url);
    }

    /** Returns the main properties a tool may prompt for: user and password. */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        DriverPropertyInfo user = new DriverPropertyInfo("user", info == null ? null : info.getProperty("user"));
        user.description = "the database user";
        DriverPropertyInfo password = new DriverPropertyInfo("password", null);
        password.description = "the user's password";
        return new DriverPropertyInfo[] {user, password};
    }

    /** Returns the driver's major version. */
    @Override
    public int getMajorVersion() {
        return 0;
    }

    /** Returns the driver's minor version. */
    @Override
    public int getMinorVersion() {
        return 1;
    }

    /** Returns false: the driver does not pass the JDBC compliance suite (yet). */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    /** Always throws: PgJet logs through {@code System.Logger}, not {@code java.util.logging}. */
    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("PgJet logs through System.Logger");
    }
}
