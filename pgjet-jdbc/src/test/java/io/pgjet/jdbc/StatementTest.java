package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Statement and PreparedStatement execution: results, update counts, scripts, batches, keys, timeouts. */
class StatementTest extends WithConnection {
    @Override
    String[] fixtures() {
        return new String[] {
            "create temp table items (id serial primary key, name text not null unique, qty int)"
        };
    }

    @Test
    void executeTellsQueriesFromUpdates() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertFalse(s.execute("insert into items (name, qty) values ('a', 1), ('b', 2)"));
            assertEquals(2, s.getUpdateCount());
            assertNull(s.getResultSet());
            assertTrue(s.execute("select name from items order by name"));
            assertEquals(-1, s.getUpdateCount());
            ResultSet rs = s.getResultSet();
            assertTrue(rs.next());
            assertEquals("a", rs.getString(1));
            assertFalse(s.getMoreResults());
            assertTrue(rs.isClosed());
            assertEquals(-1, s.getUpdateCount());
            assertEquals(0, s.executeUpdate("create temp table other (x int)"));
        }
    }

    @Test
    void emptyResultStillHasColumnMetadata() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("select id, name from items where false")) {
            assertFalse(rs.next());
            assertEquals(2, rs.getMetaData().getColumnCount());
            assertEquals("name", rs.getMetaData().getColumnName(2));
            assertEquals(java.sql.Types.INTEGER, rs.getMetaData().getColumnType(1));
        }
    }

    @Test
    void multiStatementStringRunsThroughTheSimpleProtocol() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertFalse(s.execute("insert into items (name) values ('x'); insert into items (name) values ('y'), ('z')"));
            assertEquals(2, s.getUpdateCount());
            ResultSet rs = s.executeQuery("select count(*) from items");
            rs.next();
            assertEquals(3, rs.getInt(1));
        }
    }

    @Test
    void multiStatementStringIsOneImplicitTransactionInAutoCommit() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertThrows(SQLException.class, () -> s.execute("insert into items (name) values ('x'); insert into items (name) values ('x')"));
            ResultSet rs = s.executeQuery("select count(*) from items");
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void preparedStatementBindsPlaceholdersAndIsReusable() throws SQLException {
        try (PreparedStatement insert = conn.prepareStatement("insert into items (name, qty) values (?, ?)")) {
            for (int i = 0; i < 3; i++) {
                insert.setString(1, "n" + i);
                insert.setInt(2, i);
                assertEquals(1, insert.executeUpdate());
            }
        }
        try (PreparedStatement q = conn.prepareStatement("select name from items where qty >= ? and name <> '?' order by qty")) {
            q.setLong(1, 1);
            ResultSet rs = q.executeQuery();
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
            assertEquals(List.of("n1", "n2"), names);
        }
    }

    @Test
    void missingParameterIsAClearError() throws SQLException {
        try (PreparedStatement q = conn.prepareStatement("select ?::int + ?::int")) {
            q.setInt(1, 1);
            SQLException e = assertThrows(SQLException.class, q::executeQuery);
            assertEquals("07001", e.getSQLState());
        }
    }

    @Test
    void intBoundToATextParameterIsSentAsItsString() throws SQLException {
        try (PreparedStatement q = conn.prepareStatement("select ? || 'x', ?")) {
            q.setInt(1, 42);
            q.setBoolean(2, true);
            ResultSet rs = q.executeQuery();
            rs.next();
            assertEquals("42x", rs.getString(1));
            assertEquals("true", rs.getString(2));
        }
    }

    @Test
    void generatedKeysComeFromReturning() throws SQLException {
        try (PreparedStatement insert = conn.prepareStatement("insert into items (name) values (?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, "k1");
            assertEquals(1, insert.executeUpdate());
            ResultSet keys = insert.getGeneratedKeys();
            assertTrue(keys.next());
            int id = keys.getInt("id");
            assertTrue(id > 0);
            assertEquals("k1", keys.getString("name"));
        }
        try (PreparedStatement insert = conn.prepareStatement("insert into items (name) values (?)", new String[] {"id"})) {
            insert.setString(1, "k2");
            insert.executeUpdate();
            ResultSet keys = insert.getGeneratedKeys();
            assertTrue(keys.next());
            assertEquals(1, keys.getMetaData().getColumnCount());
        }
        try (Statement s = conn.createStatement()) {
            assertEquals(1, s.executeUpdate("insert into items (name) values ('k3')", Statement.RETURN_GENERATED_KEYS));
            ResultSet keys = s.getGeneratedKeys();
            assertTrue(keys.next());
        }
    }

    @Test
    void batchRunsAllParameterSetsAndReportsCounts() throws SQLException {
        try (PreparedStatement insert = conn.prepareStatement("insert into items (name, qty) values (?, ?)")) {
            for (int i = 0; i < 500; i++) {
                insert.setString(1, "b" + i);
                insert.setInt(2, i);
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            assertEquals(500, counts.length);
            assertEquals(1, counts[0]);
            assertEquals(1, counts[499]);
        }
        try (PreparedStatement update = conn.prepareStatement("update items set qty = qty + 1 where qty < ?")) {
            update.setInt(1, 10);
            update.addBatch();
            update.setInt(1, 20);
            update.addBatch();
            update.setInt(1, -1);
            update.addBatch();
            int[] counts = update.executeBatch();
            // Each execution's own count, as pgjdbc gives: qty 0..9 then (now 1..10 and 10..19), then none.
            assertArrayEquals(new int[] {10, 20, 0}, counts);
        }
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("select count(*), sum(qty) from items")) {
            rs.next();
            assertEquals(500, rs.getInt(1));
        }
    }

    @Test
    void failingBatchAppliesNothingAndThrowsBatchUpdateException() throws SQLException {
        try (PreparedStatement insert = conn.prepareStatement("insert into items (name) values (?)")) {
            insert.setString(1, "dup");
            insert.addBatch();
            insert.setString(1, "other");
            insert.addBatch();
            insert.setString(1, "dup");
            insert.addBatch();
            BatchUpdateException e = assertThrows(BatchUpdateException.class, insert::executeBatch);
            assertEquals("23505", e.getSQLState());
            assertInstanceOf(java.sql.SQLIntegrityConstraintViolationException.class, e.getNextException());
            // The counts of the executions before the rejected third one.
            assertArrayEquals(new int[] {1, 1}, e.getUpdateCounts());
        }
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("select count(*) from items")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void statementBatchReportsEachCount() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.addBatch("insert into items (name) values ('s1')");
            s.addBatch("insert into items (name) values ('s2'), ('s3')");
            s.addBatch("update items set qty = 1");
            int[] counts = s.executeBatch();
            assertEquals(List.of(1, 2, 3), List.of(counts[0], counts[1], counts[2]));
        }
    }

    @Test
    void batchWithGeneratedKeysReturnsEveryKey() throws SQLException {
        try (PreparedStatement insert = conn.prepareStatement("insert into items (name) values (?)", new String[] {"id"})) {
            for (int i = 0; i < 5; i++) {
                insert.setString(1, "g" + i);
                insert.addBatch();
            }
            insert.executeBatch();
            ResultSet keys = insert.getGeneratedKeys();
            int n = 0;
            while (keys.next()) {
                n++;
            }
            assertEquals(5, n);
        }
    }

    @Test
    void maxRowsLimitsTheResult() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.setMaxRows(3);
            ResultSet rs = s.executeQuery("select generate_series(1, 100)");
            int n = 0;
            while (rs.next()) {
                n++;
            }
            assertEquals(3, n);
        }
    }

    @Test
    void queryTimeoutCancelsAndLeavesTheConnectionUsable() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.setQueryTimeout(1);
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> s.execute("select pg_sleep(30)"));
            assertInstanceOf(SQLTimeoutException.class, e);
            assertEquals("57014", e.getSQLState());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
            s.setQueryTimeout(0);
            ResultSet rs = s.executeQuery("select 7");
            rs.next();
            assertEquals(7, rs.getInt(1));
        }
    }

    @Test
    void cancelFromAnotherThreadStopsTheStatement() throws Exception {
        try (Statement s = conn.createStatement()) {
            CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
                try {
                    s.execute("select pg_sleep(30)");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            Thread.sleep(500);
            long start = System.nanoTime();
            while (!running.isDone() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10)) {
                s.cancel();
                Thread.sleep(200);
            }
            Throwable error = running.get(10, TimeUnit.SECONDS);
            assertInstanceOf(SQLException.class, error);
            assertEquals("57014", ((SQLException) error).getSQLState());
            ResultSet rs = s.executeQuery("select 8");
            rs.next();
            assertEquals(8, rs.getInt(1));
        }
    }

    @Test
    void noticesBecomeWarnings() throws Exception {
        try (Statement s = conn.createStatement()) {
            s.execute("do $$ begin raise notice 'hello from plpgsql'; end $$");
            SQLWarning w = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            // Notices are delivered on a PgJet worker thread, so one may arrive a moment later.
            while ((w = conn.getWarnings()) == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals("hello from plpgsql", w.getMessage());
            assertEquals("00000", w.getSQLState());
            conn.clearWarnings();
            assertNull(conn.getWarnings());
        }
    }

    @Test
    void schemaChangeUnderACachedStatementIsRetriedInAutoCommit() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("create temp table shape (a int)");
            s.execute("insert into shape values (1)");
            assertEquals(1, count(s, "select * from shape"));
            s.execute("alter table shape add column b int");
            ResultSet rs = s.executeQuery("select * from shape");
            assertEquals(2, rs.getMetaData().getColumnCount());
        }
    }

    private static int count(Statement s, String sql) throws SQLException {
        ResultSet rs = s.executeQuery(sql);
        int n = 0;
        while (rs.next()) {
            n++;
        }
        return n;
    }

    @Test
    void closedStatementRefusesWork() throws SQLException {
        Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("select 1");
        s.close();
        assertTrue(rs.isClosed());
        assertThrows(SQLException.class, () -> s.executeQuery("select 1"));
    }
}
