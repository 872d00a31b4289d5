package io.pgjet.bench.drivers;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The one place the bench turns pgjdbc values into Java values, with pgjdbc's typed getters. */
final class PgJdbcValues {
    private PgJdbcValues() {
    }

    static int int4(ResultSet rs, int column) throws SQLException {
        return rs.getInt(column);
    }

    static short int2(ResultSet rs, int column) throws SQLException {
        return rs.getShort(column);
    }

    static long oid(ResultSet rs, int column) throws SQLException {
        return rs.getLong(column);
    }

    static boolean bool(ResultSet rs, int column) throws SQLException {
        return rs.getBoolean(column);
    }

    static char character(ResultSet rs, int column) throws SQLException {
        String s = rs.getString(column);
        return s == null || s.isEmpty() ? 0 : s.charAt(0);
    }

    static String text(ResultSet rs, int column) throws SQLException {
        return rs.getString(column);
    }
}
