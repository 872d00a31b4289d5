package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Auto-commit, commit, rollback, savepoints, isolation, read-only, validity, unwrap. */
class TransactionTest {
    private Connection conn;
    private Connection other;
    private String table;

    @BeforeEach
    void open() throws SQLException {
        conn = Jdbc.open();
        other = Jdbc.open();
        table = "jdbc_tx_" + pid();
        try (Statement s = conn.createStatement()) {
            s.execute("drop table if exists " + table + "; create table " + table + " (v int)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        // The tested connection goes first: an open transaction of its would block the drop.
        conn.close();
        try (Statement s = other.createStatement()) {
            s.execute("drop table if exists " + table);
        }
        other.close();
    }

    private int pid() throws SQLException {
        return conn.unwrap(io.pgjet.Connection.class).getServerPid();
    }

    private String table() {
        return table;
    }

    private static String value(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void autoCommitIsOnByDefaultAndCommitsEachStatement() throws SQLException {
        assertTrue(conn.getAutoCommit());
        try (Statement s = conn.createStatement()) {
            s.execute("insert into " + table() + " values (1)");
        }
        assertEquals("1", value(other, "select count(*) from " + table()));
        assertThrows(SQLException.class, conn::commit);
    }

    @Test
    void withAutoCommitOffTheTransactionBeginsLazilyAndCommitPublishesIt() throws SQLException {
        conn.setAutoCommit(false);
        io.pgjet.Connection pg = conn.unwrap(io.pgjet.Connection.class);
        assertFalse(pg.isInTransaction());
        try (Statement s = conn.createStatement()) {
            s.execute("insert into " + table() + " values (1)");
            assertTrue(pg.isInTransaction());
            assertEquals("0", value(other, "select count(*) from " + table()));
            conn.commit();
            assertFalse(pg.isInTransaction());
            assertEquals("1", value(other, "select count(*) from " + table()));
        }
    }

    @Test
    void rollbackDiscardsTheTransaction() throws SQLException {
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            s.execute("insert into " + table() + " values (1)");
            conn.rollback();
        }
        assertEquals("0", value(conn, "select count(*) from " + table()));
    }

    @Test
    void savepointsRollBackPartOfATransaction() throws SQLException {
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            s.execute("insert into " + table() + " values (1)");
            Savepoint sp = conn.setSavepoint();
            s.execute("insert into " + table() + " values (2)");
            conn.rollback(sp);
            Savepoint named = conn.setSavepoint("keep");
            assertEquals("keep", named.getSavepointName());
            s.execute("insert into " + table() + " values (3)");
            conn.releaseSavepoint(named);
            conn.commit();
        }
        assertEquals("{1,3}", value(other, "select array_agg(v order by v) from " + table()));
    }

    @Test
    void savepointRecoversFromAnError() throws SQLException {
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            s.execute("insert into " + table() + " values (1)");
            Savepoint sp = conn.setSavepoint();
            assertThrows(SQLException.class, () -> s.execute("select 1/0"));
            conn.rollback(sp);
            s.execute("insert into " + table() + " values (2)");
            conn.commit();
        }
        assertEquals("2", value(other, "select count(*) from " + table()));
    }

    @Test
    void commitOfAFailedTransactionReportsTheRollback() throws SQLException {
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            s.execute("insert into " + table() + " values (1)");
            assertThrows(SQLException.class, () -> s.execute("select 1/0"));
            SQLException e = assertThrows(SQLException.class, conn::commit);
            assertInstanceOf(java.sql.SQLTransactionRollbackException.class, e);
        }
        assertEquals("0", value(other, "select count(*) from " + table()));
        assertEquals("1", value(conn, "select 1"));
    }

    @Test
    void switchingAutoCommitOnCommits() throws SQLException {
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            s.execute("insert into " + table() + " values (1)");
        }
        conn.setAutoCommit(true);
        assertEquals("1", value(other, "select count(*) from " + table()));
    }

    @Test
    void isolationLevelAppliesToTheTransactionsTheDriverBegins() throws SQLException {
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, conn.getTransactionIsolation());
        conn.setAutoCommit(false);
        conn.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        assertEquals("serializable", value(conn, "show transaction_isolation"));
        conn.commit();
        conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        assertEquals("repeatable read", value(conn, "show transaction_isolation"));
        assertEquals(Connection.TRANSACTION_REPEATABLE_READ, conn.getTransactionIsolation());
        conn.rollback();
    }

    @Test
    void readOnlyTransactionsRefuseWrites() throws SQLException {
        conn.setAutoCommit(false);
        conn.setReadOnly(true);
        try (Statement s = conn.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute("insert into " + table() + " values (1)"));
            assertEquals("25006", e.getSQLState());
            conn.rollback();
        }
        conn.setReadOnly(false);
        try (Statement s = conn.createStatement()) {
            s.execute("insert into " + table() + " values (1)");
            conn.commit();
        }
    }

    @Test
    void isValidAndCloseAndAbort() throws SQLException {
        assertTrue(conn.isValid(2));
        Connection extra = Jdbc.open();
        extra.close();
        assertTrue(extra.isClosed());
        assertFalse(extra.isValid(1));
        assertThrows(SQLException.class, extra::createStatement);
        Connection aborted = Jdbc.open();
        aborted.abort(Runnable::run);
        assertTrue(aborted.isClosed());
    }

    @Test
    void terminatedBackendIsAConnectionError() throws SQLException {
        int victim = pid();
        value(other, "select pg_terminate_backend(" + victim + ")");
        SQLException e = assertThrows(SQLException.class, () -> value(conn, "select 1"));
        assertTrue(e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57"), e.getSQLState());
        assertInstanceOf(java.sql.SQLNonTransientConnectionException.class, e);
        assertFalse(conn.isValid(1));
    }

    @Test
    void unwrapGivesPgJetsConnectionForCopyAndListen() throws SQLException {
        io.pgjet.Connection pg = conn.unwrap(io.pgjet.Connection.class);
        assertTrue(conn.isWrapperFor(io.pgjet.Connection.class));
        pg.copyRecordsToTable(table(), java.util.List.of(new Object[] {5}, new Object[] {6}));
        assertEquals("2", value(conn, "select count(*) from " + table()));
        assertSame(pg, conn.unwrap(io.pgjet.Connection.class));
    }

    @Test
    void setSchemaChangesTheSearchPath() throws SQLException {
        conn.setSchema("pg_catalog");
        assertEquals("pg_catalog", conn.getSchema());
        conn.setSchema("public");
        assertEquals("public", conn.getSchema());
    }
}
