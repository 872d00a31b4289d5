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

    @Test
    void dateTimeAndTimestampEscapesBecomeTypedLiterals() {
        assertEquals("select DATE '2024-02-29', TIME '10:11:12', TIMESTAMP '2024-02-29 10:11:12.5'",
                sql("select {d '2024-02-29'}, {t '10:11:12'}, { ts '2024-02-29 10:11:12.5' }"));
    }

    @Test
    void functionEscapesAreMappedAndUnknownOnesPassThrough() {
        assertEquals("select ceil($1), lower('A'), coalesce(a, 0), my_fn(1)",
                sql("select {fn ceiling(?)}, {fn lcase('A')}, {fn ifnull(a, 0)}, {fn my_fn(1)}"));
        assertEquals("select current_date, (a || b || 'c'), extract(year from d)",
                sql("select {fn curdate()}, {fn concat(a, b, 'c')}, {fn year(d)}"));
        assertEquals("select (ts + ($1) * interval '1 day')", sql("select {fn timestampadd(SQL_TSI_DAY, ?, ts)}"));
    }

    @Test
    void nestedEscapesAndPlaceholdersInsideThemAreTranslated() {
        SqlText text = SqlText.parse("select {fn ucase({fn concat(?, 'x')})} where d > {d '2020-01-01'} and x = ?");
        assertEquals("select upper(($1 || 'x')) where d > DATE '2020-01-01' and x = $2", text.sql());
        assertEquals(2, text.placeholders());
    }

    @Test
    void outerJoinEscapeLikeEscapeAndLimitEscape() {
        assertEquals("select * from a left join b on a.id = b.id where n like 'x!%' ESCAPE '!' LIMIT 5 OFFSET 2",
                sql("select * from {oj a left join b on a.id = b.id} where n like 'x!%' {escape '!'} {limit 5 offset 2}"));
    }

    @Test
    void bracesInLiteralsCommentsAndArraysAreNotEscapes() {
        assertEquals("select '{d 1}', '{1,2}'::int[] /* {fn x()} */, $1",
                sql("select '{d 1}', '{1,2}'::int[] /* {fn x()} */, ?"));
        assertEquals("select {unknown 1}", sql("select {unknown 1}"));
    }

    @Test
    void escapeProcessingOffLeavesEscapesAsWritten() {
        assertEquals("select {fn ucase('a')}, $1", SqlText.parse("select {fn ucase('a')}, ?", false).sql());
    }

    @Test
    void callEscapesBecomeSelectsAndDescribeTheCall() {
        SqlText call = SqlText.parse("{call f(?, 'a,b', g(1, 2))}");
        assertEquals("select * from f($1, 'a,b', g(1, 2)) as result", call.sql());
        assertEquals(new SqlText.Call(false, false, "f", java.util.List.of("?", "'a,b'", "g(1, 2)")), call.call());
        SqlText returning = SqlText.parse(" { ? = call s.\"F n\"(?) }");
        assertEquals(" select * from s.\"F n\"($1) as result", returning.sql());
        assertEquals(1, returning.placeholders());
        assertTrue(returning.call().returnsValue());
        assertEquals("s.\"F n\"", returning.call().name());
        assertEquals("select * from now() as result", sql("{call now}"));
    }

    @Test
    void nativeCallIsDescribedToo() {
        SqlText text = SqlText.parse("CALL p(?, ?);");
        assertEquals("CALL p($1, $2);", text.sql());
        assertEquals(new SqlText.Call(false, true, "p", java.util.List.of("?", "?")), text.call());
        assertEquals(null, SqlText.parse("select 1").call());
    }
}
