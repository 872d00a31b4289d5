package io.pgjet.internal.types;

import io.pgjet.testkit.PgTestServer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks a real PostgreSQL server (through pgjdbc, not PgJet's engine) for the binary form of values
 * ({@code <type>send}) and their canonical text, one round trip per batch of literals.
 */
final class ServerVectors implements AutoCloseable {
    private final Connection connection;
    private final Map<String, String> sendFunctions = new HashMap<>();
    private int majorVersion;

    /** One literal as the server saw it. */
    record Vector(String literal, String text, byte[] bytes) {
    }

    ServerVectors() {
        try {
            connection = DriverManager.getConnection(PgTestServer.shared().jdbcUrl() + "&binaryTransfer=false");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Connection connection() {
        return connection;
    }

    /** Returns the server's major version (e.g. 13): see {@link ServerVersion#major}. */
    int majorVersion() {
        if (majorVersion == 0) {
            majorVersion = ServerVersion.major(connection);
        }
        return majorVersion;
    }

    /** Returns the server's version as codecs take it: e.g. 130000 for any 13.x. */
    int versionNumber() {
        return majorVersion() * 10000;
    }

    void execute(String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    String sendFunction(String type) {
        return sendFunctions.computeIfAbsent(type, t -> string("select typsend::text from pg_type where oid = '"
                + t + "'::regtype"));
    }

    String string(String sql) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    int oid(String type) {
        return Integer.parseInt(string("select '" + type + "'::regtype::oid"));
    }

    byte[] bytes(String sql) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBytes(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Returns send bytes and text of {@code literal::type} for each literal, in order. */
    List<Vector> vectors(String type, List<String> literals) {
        String send = sendFunction(type);
        String sql = "select v, (v::" + type + "), " + send + "(v::" + type + ")"
                + " from unnest(?::text[]) with ordinality u(v, i) order by i";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("text", literals.toArray());
            ps.setArray(1, array);
            List<Vector> out = new ArrayList<>(literals.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Vector(rs.getString(1), rs.getString(2), rs.getBytes(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " " + literals, e);
        }
    }

    /** Returns the send bytes and text of an expression. */
    Vector expression(String type, String expression) {
        String sql = "select (" + expression + ")::" + type + ", " + sendFunction(type) + "((" + expression
                + ")::" + type + ")";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new Vector(expression, rs.getString(1), rs.getBytes(2));
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
