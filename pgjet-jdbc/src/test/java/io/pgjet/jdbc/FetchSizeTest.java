package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A fetch size above zero streams rows through a cursor, in auto-commit too. */
class FetchSizeTest extends WithConnection {
    @Test
    void autoCommitStreamingRunsInAnImplicitTransactionEndedByClose() throws SQLException {
        io.pgjet.Connection pg = conn.unwrap(io.pgjet.Connection.class);
        try (PreparedStatement p = conn.prepareStatement("select g from generate_series(1, ?) g")) {
            p.setFetchSize(100);
            p.setInt(1, 1050);
            ResultSet rs = p.executeQuery();
            assertTrue(pg.isInTransaction(), "a cursor needs a transaction");
            long sum = 0;
            int n = 0;
            while (rs.next()) {
                sum += rs.getInt(1);
                n++;
            }
            assertEquals(1050, n);
            assertEquals(1050L * 1051 / 2, sum);
            rs.close();
            assertFalse(pg.isInTransaction());
        }
    }

    @Test
    void streamingHoldsOnlyOneFetchOfRowsAtATime() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.setFetchSize(10);
            ResultSet rs = s.executeQuery("select g, pg_backend_pid() from generate_series(1, 25) g");
            // The server's portal is still open after the first rows: the rest is not read yet.
            assertTrue(rs.next());
            try (Connection other = Jdbc.open(); Statement o = other.createStatement();
                    ResultSet open = o.executeQuery("select count(*) from pg_stat_activity where state = 'idle in transaction' and pid = "
                            + rs.getInt(2))) {
                open.next();
                assertEquals(1, open.getInt(1));
            }
            int n = 1;
            while (rs.next()) {
                n++;
            }
            assertEquals(25, n);
        }
    }

    @Test
    void streamingInsideATransactionLeavesTheTransactionOpen() throws SQLException {
        conn.setAutoCommit(false);
        io.pgjet.Connection pg = conn.unwrap(io.pgjet.Connection.class);
        try (Statement s = conn.createStatement()) {
            s.setFetchSize(3);
            s.setMaxRows(7);
            ResultSet rs = s.executeQuery("select generate_series(1, 100)");
            int n = 0;
            while (rs.next()) {
                n++;
            }
            assertEquals(7, n);
            rs.close();
            assertTrue(pg.isInTransaction());
            conn.commit();
        }
        assertFalse(pg.isInTransaction());
    }

    @Test
    void defaultRowFetchSizePropertyAppliesToNewStatements() throws SQLException {
        try (Connection c = Jdbc.open("&defaultRowFetchSize=5"); Statement s = c.createStatement()) {
            assertEquals(5, s.getFetchSize());
            ResultSet rs = s.executeQuery("select generate_series(1, 12)");
            assertTrue(c.unwrap(io.pgjet.Connection.class).isInTransaction());
            int n = 0;
            while (rs.next()) {
                n++;
            }
            assertEquals(12, n);
        }
    }
}
