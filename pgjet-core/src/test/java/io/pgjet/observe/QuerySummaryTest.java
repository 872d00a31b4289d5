package io.pgjet.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The operation name and table read from SQL text for db.operation.name / db.collection.name. */
class QuerySummaryTest {

    private static String summary(String sql) {
        return QuerySummary.of(sql).summary();
    }

    @Test
    void statementsNameTheirOperationAndTable() {
        assertEquals("SELECT users", summary("select id from users where id = $1"));
        assertEquals("SELECT app.users", summary("SELECT * FROM app.users u JOIN roles r ON r.id = u.role"));
        assertEquals("INSERT orders", summary("insert into orders (id) values ($1)"));
        assertEquals("UPDATE accounts", summary("update only accounts set n = n + 1"));
        assertEquals("DELETE \"Mixed Case\"", summary("delete from \"Mixed Case\" where true"));
        assertEquals("CREATE t", summary("create temp table if not exists t (a int)"));
        assertEquals("TRUNCATE big", summary("truncate table big"));
        assertEquals("BEGIN", summary("BEGIN ISOLATION LEVEL SERIALIZABLE"));
    }

    @Test
    void commentsLiteralsSubqueriesAndCtesDoNotMislead() {
        assertEquals("SELECT real_table", summary("/* from fake */ -- from fake2\n select 'from x' from real_table"));
        assertEquals("SELECT outer_t", summary("select (select 1 from inner_t) from outer_t"));
        assertEquals("INSERT archive", summary("with old as (select * from orders) insert into archive select * from old"));
        assertEquals("SELECT", summary("select 1"));
        assertEquals("SELECT", summary("select * from (select 1) s"), "a subquery in FROM names no table");
        assertEquals("SELECT a", summary("select 1 from a; select 2 from b"), "only the first statement of a script");
    }

    @Test
    void operationsWithoutSqlAreNamedByKind() {
        ServerInfo server = new ServerInfo("h", 5432, "db", "u");
        assertEquals("COPY items", QuerySummary.of(new Operation(OperationKind.COPY_IN, null, "items", null, server)).summary());
        assertEquals("ACQUIRE", QuerySummary.of(new Operation(OperationKind.POOL_ACQUIRE, null, null, null, server)).summary());
        assertNull(QuerySummary.of(new Operation(OperationKind.CONNECT, null, null, null, server)).collectionName());
        assertEquals("UNKNOWN", QuerySummary.of((String) null).operationName());
        assertEquals("UNKNOWN", summary("   "));
    }
}
