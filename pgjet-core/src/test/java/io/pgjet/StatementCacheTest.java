package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgTestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prepared statements are cached per connection (LRU), re-prepared when the server invalidates them. */
class StatementCacheTest {

    private static Connection connect(int cacheSize) {
        ConnectionConfig config = ConnectionConfig.parse(PgTestServer.shared().dsn()).toBuilder()
                .statementCacheSize(cacheSize).build();
        return PgJet.connect(config);
    }

    private static long preparedCount(Connection conn) {
        return Long.parseLong(conn.fetchRow("select count(*) from pg_prepared_statements").getString(0));
    }

    @Test
    void repeatedQueryIsPreparedOnce() {
        try (Connection conn = connect(100)) {
            for (int i = 0; i < 5; i++) {
                assertEquals(String.valueOf(i), conn.fetchRow("select $1::int", i).getString(0));
            }
            assertEquals(1, Long.parseLong(conn.fetchRow(
                    "select count(*) from pg_prepared_statements where statement = 'select $1::int'").getString(0)));
        }
    }

    @Test
    void leastRecentlyUsedStatementsAreClosedOnServer() {
        try (Connection conn = connect(3)) {
            for (int i = 0; i < 10; i++) {
                conn.fetchRow("select " + i);
            }
            assertTrue(preparedCount(conn) <= 3, "at most the cache size stays prepared");
        }
    }

    @Test
    void statementEvictedWhilePreparingIsStillClosedOnServer() {
        try (Connection conn = connect(1)) {
            AsyncConnection async = conn.async();
            var first = async.fetch("select 1 as first");
            var second = async.fetch("select 2 as second"); // evicts the first before it is described
            first.join();
            second.join();
            assertEquals(1, Long.parseLong(conn.fetchRow(
                    "select count(*) from pg_prepared_statements where name like 'pgjet%'").getString(0)));
        }
    }

    @Test
    void zeroCacheSizeUsesOnlyUnnamedStatements() {
        try (Connection conn = connect(0)) {
            conn.fetchRow("select 1");
            conn.fetchRow("select $1::text", "x");
            assertEquals(0, preparedCount(conn));
        }
    }

    @Test
    void statementInvalidatedByAlterTableIsReprepared() {
        try (Connection conn = connect(100)) {
            conn.execute("create temp table evolving (a int)");
            conn.execute("insert into evolving values (1)");
            assertEquals("1", conn.fetchRow("select * from evolving").getString(0));
            conn.execute("alter table evolving alter column a type text");
            conn.execute("alter table evolving add column b text default 'new'");
            Row row = conn.fetchRow("select * from evolving");
            assertEquals(2, row.columnCount());
            assertEquals("new", row.getString("b"));
        }
    }

    @Test
    void invalidatedStatementInsideTransactionFailsClearlyThenRecovers() {
        try (Connection conn = connect(100)) {
            conn.execute("create temp table evolving2 (a int)");
            assertEquals(List.of(), conn.fetch("select * from evolving2"));
            conn.execute("alter table evolving2 add column b int");
            conn.execute("begin");
            PgException e = assertThrows(PgException.class, () -> conn.fetch("select * from evolving2"));
            assertEquals("0A000", e.sqlState());
            conn.execute("rollback");
            assertEquals(List.of(), conn.fetch("select * from evolving2"));
        }
    }

    @Test
    void failedPreparationIsNotCached() {
        try (Connection conn = connect(100)) {
            assertThrows(PgException.class, () -> conn.fetch("select * from not_yet_there"));
            conn.execute("create temp table not_yet_there (a int)");
            assertEquals(List.of(), conn.fetch("select * from not_yet_there"));
        }
    }
}
