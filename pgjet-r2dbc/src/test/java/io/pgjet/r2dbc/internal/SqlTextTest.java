package io.pgjet.r2dbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The SQL scanner: placeholders, statement count and keywords, skipping quotes and comments. */
class SqlTextTest {

    @Test
    void countsTheHighestPlaceholderOutsideQuotesCommentsAndIdentifiers() {
        assertEquals(2, SqlText.of("select $1, $2, $1").parameterCount());
        assertEquals(1, SqlText.of("select $1, '$2', \"$3\", $tag$ $4 $tag$, $$ $5 $$ -- $6\n /* $7 /* $8 */ */ ")
                .parameterCount());
        assertEquals(0, SqlText.of("select a$1 from t").parameterCount(), "$ inside an identifier is no placeholder");
        assertEquals(12, SqlText.of("select $12").parameterCount());
    }

    @Test
    void findsSeveralStatementsButNotATrailingSemicolon() {
        assertTrue(SqlText.of("select 1; select 2").isMultiStatement());
        assertFalse(SqlText.of("select 1;  \n").isMultiStatement());
        assertFalse(SqlText.of("select ';' ; -- trailing comment").isMultiStatement());
        assertFalse(SqlText.of("create function f() returns int as $$ select 1; $$ language sql").isMultiStatement());
    }

    @Test
    void knowsQueriesDmlAndSingleRowInserts() {
        assertTrue(SqlText.of("  WITH x AS (select 1) select * from x").isQuery());
        assertFalse(SqlText.of("insert into t values (1)").isQuery());
        assertTrue(SqlText.of("INSERT INTO t (a, b) VALUES ($1, $2)").isSingleRowInsert());
        assertFalse(SqlText.of("insert into t values ($1), ($2)").isSingleRowInsert());
        assertFalse(SqlText.of("insert into t select $1").isSingleRowInsert());
        assertFalse(SqlText.of("insert into t values ($1) on conflict do nothing").isSingleRowInsert());
        assertTrue(SqlText.of("update t set a = 1").acceptsReturning());
        assertFalse(SqlText.of("delete from t returning id").acceptsReturning());
        assertFalse(SqlText.of("select 1").acceptsReturning());
    }
}
