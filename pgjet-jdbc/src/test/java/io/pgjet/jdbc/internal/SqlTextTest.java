package io.pgjet.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The placeholder translation: which question marks are parameters and which are not. */
class SqlTextTest {

    private static String sql(String jdbc) {
        return SqlText.parse(jdbc).sql();
    }

    @Test
    void placeholdersAreNumberedInOrder() {
        SqlText text = SqlText.parse("select * from t where a = ? and b in (?, ?)");
        assertEquals("select * from t where a = $1 and b in ($2, $3)", text.sql());
        assertEquals(3, text.placeholders());
    }

    @Test
    void questionMarkInStringLiteralIsLeftAlone() {
        assertEquals("select 'what?', $1, 'it''s ?'", sql("select 'what?', ?, 'it''s ?'"));
    }

    @Test
    void questionMarkInEscapeStringWithBackslashQuoteIsLeftAlone() {
        assertEquals("select E'a\\' ?', $1", sql("select E'a\\' ?', ?"));
        assertEquals("select e'?\\\\', $1", sql("select e'?\\\\', ?"));
    }

    @Test
    void backslashInStandardStringDoesNotEscapeTheQuote() {
        assertEquals("select 'a\\', $1", sql("select 'a\\', ?"));
    }

    @Test
    void identifierEndingInEIsNotAnEscapeStringPrefix() {
        // "type'..." is not E'...': the quote opens a standard string where backslash is literal.
        assertEquals("select some'\\', $1", sql("select some'\\', ?"));
    }

    @Test
    void questionMarkInUnicodeStringsIsLeftAlone() {
        assertEquals("select U&'d\\0061t?', U&\"?col\", $1", sql("select U&'d\\0061t?', U&\"?col\", ?"));
    }

    @Test
    void questionMarkInQuotedIdentifierIsLeftAlone() {
        assertEquals("select \"odd?\"\"name\" from t where x = $1", sql("select \"odd?\"\"name\" from t where x = ?"));
    }

    @Test
    void questionMarkInDollarQuotesIsLeftAlone() {
        assertEquals("select $$ ? $$, $tag$ it's ? $other$ ? $tag$, $1",
                sql("select $$ ? $$, $tag$ it's ? $other$ ? $tag$, ?"));
    }

    @Test
    void positionalParametersAndDollarInIdentifiersAreNotDollarQuotes() {
        assertEquals("select a$b from t where c = $1", sql("select a$b from t where c = ?"));
        SqlText native_ = SqlText.parse("select $1::int, $2 $x");
        assertEquals("select $1::int, $2 $x", native_.sql());
        assertEquals(0, native_.placeholders());
    }

    @Test
    void questionMarkInCommentsIsLeftAlone() {
        assertEquals("select $1 -- why?\n, /* what? /* nested? */ still? */ $2",
                sql("select ? -- why?\n, /* what? /* nested? */ still? */ ?"));
    }

    @Test
    void doubledQuestionMarkIsTheEscapedJsonbOperator() {
        SqlText text = SqlText.parse("select '{\"a\":1}'::jsonb ?? 'a', ?");
        assertEquals("select '{\"a\":1}'::jsonb ? 'a', $1", text.sql());
        assertEquals(1, text.placeholders());
    }

    @Test
    void jsonbAnyAndAllKeyOperatorsAreLeftAlone() {
        assertEquals("select j ?| array['a'], j ?& array['b'], $1", sql("select j ?| array['a'], j ?& array['b'], ?"));
    }

    @Test
    void placeholderFollowedByConcatenationOrOverlapIsStillAPlaceholder() {
        assertEquals("select $1|| 'x', $2&& array[1]", sql("select ?|| 'x', ?&& array[1]"));
    }

    @Test
    void unterminatedLiteralRunsToTheEnd() {
        assertEquals("select 'open ?", sql("select 'open ?"));
    }

    @Test
    void statementsAreCountedAtTopLevelSemicolons() {
        assertEquals(1, SqlText.parse("select 1;").statements());
        assertEquals(1, SqlText.parse("select ';' ; ; -- x;\n").statements());
        assertEquals(2, SqlText.parse("create table a(x int); insert into a values (1)").statements());
        assertEquals(1, SqlText.parse("create function f() returns int as $$ select 1; $$ language sql").statements());
        assertEquals(0, SqlText.parse("  -- nothing\n").statements());
        assertTrue(SqlText.parse("select 1; select 2").isMultiStatement());
        assertFalse(SqlText.parse("select 1;").isMultiStatement());
    }

    @Test
    void firstWordAndWordsIgnoreCommentsAndLiterals() {
        SqlText text = SqlText.parse("/* c */ -- d\n INSERT into t values ('returning') ");
        assertEquals("insert", text.firstWord());
        assertTrue(text.words().contains("values"));
        assertFalse(text.words().contains("returning"));
        assertTrue(SqlText.parse("insert into t values (1) RETURNING id").words().contains("returning"));
    }
}
