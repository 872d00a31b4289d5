package io.pgjet.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** pgjdbc helpers: the reference client the testkit's servers are checked with. */
final class Jdbc {
    private Jdbc() {
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, new Properties());
    }

    static Connection connect(PgServer server, String user, String password, Properties extra) throws SQLException {
        Properties p = new Properties();
        p.putAll(extra);
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port() + "/"
                + server.database(), p);
    }

    static String queryString(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String queryString(String url, String sql) throws SQLException {
        try (Connection c = connect(url)) {
            return queryString(c, sql);
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static Properties verifyFull(TlsMaterial tls) {
        Properties p = new Properties();
        p.setProperty("sslmode", "verify-full");
        p.setProperty("sslrootcert", tls.caCertificate().toString());
        return p;
    }

    static Properties withClientCert(TlsMaterial tls) {
        Properties p = verifyFull(tls);
        p.setProperty("sslcert", tls.clientCertificate().toString());
        p.setProperty("sslkey", tls.clientKeyPk8().toString());
        return p;
    }
}
