package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** TYPE_SCROLL_INSENSITIVE result sets move freely over the rows PostgreSQL returned. */
class ScrollableResultSetTest extends WithConnection {
    private static int value(ResultSet rs) throws SQLException {
        return rs.getInt(1);
    }

    @Test
    void scrollsInEveryDirection() throws SQLException {
        try (Statement s = conn.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(2); // a scrollable result is read in full: no cursor, the hint is moot
            ResultSet rs = s.executeQuery("select generate_series(1, 5)");
            assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, rs.getType());
            assertTrue(rs.isBeforeFirst());
            assertTrue(rs.last());
            assertEquals(5, value(rs));
            assertEquals(5, rs.getRow());
            assertTrue(rs.isLast());
            assertTrue(rs.previous());
            assertEquals(4, value(rs));
            assertTrue(rs.absolute(2));
            assertEquals(2, value(rs));
            assertTrue(rs.absolute(-1));
            assertEquals(5, value(rs));
            assertTrue(rs.relative(-3));
            assertEquals(2, value(rs));
            assertFalse(rs.relative(10));
            assertTrue(rs.isAfterLast());
            assertEquals(0, rs.getRow());
            assertTrue(rs.first());
            assertEquals(1, value(rs));
            assertTrue(rs.isFirst());
            assertFalse(rs.previous());
            assertTrue(rs.isBeforeFirst());
            assertTrue(rs.next());
            assertEquals(1, value(rs));
            rs.afterLast();
            assertTrue(rs.previous());
            assertEquals(5, value(rs));
            rs.beforeFirst();
            assertFalse(rs.absolute(0));
            assertFalse(rs.absolute(6));
            assertTrue(rs.isAfterLast());
            rs.setFetchDirection(ResultSet.FETCH_REVERSE);
        }
    }

    @Test
    void preparedStatementResultsScrollToo() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select x from generate_series(1, ?) x order by x desc",
                ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
            ps.setInt(1, 3);
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.absolute(3));
            assertEquals(1, value(rs));
            assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, ps.getResultSetType());
        }
    }

    @Test
    void emptyScrollableResultHasNoFirstOrLast() throws SQLException {
        try (Statement s = conn.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
            ResultSet rs = s.executeQuery("select 1 where false");
            assertFalse(rs.first());
            assertFalse(rs.last());
            assertFalse(rs.isBeforeFirst());
            assertFalse(rs.isAfterLast());
        }
    }

    @Test
    void forwardOnlyResultRefusesToScrollAndOtherKindsAreRefusedUpFront() throws SQLException {
        try (Statement s = conn.createStatement()) {
            ResultSet rs = s.executeQuery("select 1");
            SQLException refused = assertThrows(SQLException.class, rs::previous);
            assertTrue(refused.getMessage().contains("TYPE_FORWARD_ONLY"), refused.getMessage());
        }
        assertThrows(SQLFeatureNotSupportedException.class,
                () -> conn.createStatement(ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_READ_ONLY));
        assertThrows(SQLFeatureNotSupportedException.class,
                () -> conn.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE));
    }
}
