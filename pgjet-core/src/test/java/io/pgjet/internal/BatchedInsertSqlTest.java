package io.pgjet.internal;

import io.pgjet.internal.batch.BatchedInsertSql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SQL side of rewriteBatchedInserts: which statements are recognized and what they become. */
class BatchedInsertSqlTest {

    private static String rewritten(String sql) {
        BatchedInsertSql.Shape shape = BatchedInsertSql.parse(sql);
        return shape == null ? null : shape.rewrittenSql();
    }

    @Test
    void plainParameterListBecomesSelectStarFromUnnest() {
        assertEquals("INSERT INTO t (a, b, c, d) SELECT * FROM unnest($1, $2, $3, $4)",
                rewritten("INSERT INTO t (a, b, c, d) VALUES ($1, $2, $3, $4)"));
        assertEquals(4, BatchedInsertSql.parse("INSERT INTO t (a, b, c, d) VALUES ($1, $2, $3, $4)").parameterCount());
    }

    @Test
    void keywordsAreCaseInsensitiveAndATrailingSemicolonAndCommentsAreAllowed() {
        assertEquals("insert into s.t SELECT * FROM unnest($1, $2)",
                rewritten("  /* lead */ insert into s.t values($1,$2) ; -- done\n /* and /* nested */ */ "));
    }

    @Test
    void expressionsGetQualifiedColumnsOfAnAliasedUnnest() {
        assertEquals("INSERT INTO t (a, b, c) SELECT \"u\".\"p2\", lower(\"u\".\"p1\"), now()"
                        + " FROM unnest($1, $2) AS \"u\"(\"p1\", \"p2\")",
                rewritten("INSERT INTO t (a, b, c) VALUES ($2, lower($1), now())"));
        assertEquals("INSERT INTO t SELECT \"u\".\"p1\" + 1, \"u\".\"p1\" FROM unnest($1) AS \"u\"(\"p1\")",
                rewritten("INSERT INTO t VALUES ($1 + 1, $1)"));
    }

    @Test
    void parametersInsideStringsCommentsDollarQuotesAndQuotedIdentifiersStayAsTheyAre() {
        String sql = "INSERT INTO \"my table\" (\"col $1\", b, c, d, e) VALUES ($1 || '$1' || E'\\'$2', "
                + "$$ $1 $$ || $tag$ $2 $tag$, /* $2 */ $2 -- $1\n, \"$1\".f, 'it''s $1')";
        assertEquals("INSERT INTO \"my table\" (\"col $1\", b, c, d, e) SELECT \"u\".\"p1\" || '$1' || E'\\'$2', "
                        + "$$ $1 $$ || $tag$ $2 $tag$, \"u\".\"p2\", \"$1\".f, 'it''s $1'"
                        + " FROM unnest($1, $2) AS \"u\"(\"p1\", \"p2\")",
                rewritten(sql));
    }

    @Test
    void anIdentifierSpelledULetsTheAliasMoveAside() {
        assertEquals("INSERT INTO t (a) SELECT (select max(x) from u where u.y = \"u1\".\"p1\")"
                        + " FROM unnest($1) AS \"u1\"(\"p1\")",
                rewritten("INSERT INTO t (a) VALUES ((select max(x) from u where u.y = $1))"));
    }

    @Test
    void targetWithAliasAndQuotedSchemaIsCopied() {
        assertEquals("INSERT INTO \"S p\".\"T q\" AS x (a) SELECT * FROM unnest($1)",
                rewritten("INSERT INTO \"S p\".\"T q\" AS x (a) VALUES ($1)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING",
        "INSERT INTO t (a) VALUES ($1) RETURNING id",
        "INSERT INTO t (a, b) VALUES ($1, DEFAULT)",
        "INSERT INTO t (a) VALUES ($1), ($2)",
        "WITH x AS (SELECT 1) INSERT INTO t (a) VALUES ($1)",
        "INSERT INTO t DEFAULT VALUES",
        "INSERT INTO t (a) SELECT $1",
        "INSERT INTO t (a) OVERRIDING SYSTEM VALUE VALUES ($1)",
        "INSERT INTO t (a) VALUES (1)",
        "INSERT INTO t (a, b) VALUES ($2, 1)",
        "INSERT INTO t (a) VALUES ('$1)",
        "INSERT INTO t (a) VALUES ($1) /* unterminated",
        "INSERT INTO t (a) VALUES ($1); INSERT INTO t (a) VALUES ($1)",
        "INSERT INTO t (a[$2]) VALUES ($1)",
        "INSERT INTO t (a) VALUES ($1abc)",
        "INSERT INTO t (a) VALUES ($$ $1)",
        "INSERT INTO t () VALUES ($1)",
        "INSERT INTO t (a) VALUES ()",
        "INSERT INTO t (a) VALUES ($1,)",
        "UPDATE t SET a = $1",
        "INSERT t (a) VALUES ($1)",
        "INSERT INTO a.b.c.d (x) VALUES ($1)",
        "",
    })
    void everythingElseIsLeftAlone(String sql) {
        assertNull(BatchedInsertSql.parse(sql), sql);
    }
}
