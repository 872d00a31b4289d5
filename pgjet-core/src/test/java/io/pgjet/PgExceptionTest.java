package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.errors.DeadlockDetectedException;
import io.pgjet.errors.IntegrityConstraintViolationException;
import io.pgjet.errors.InvalidArgumentForXqueryException;
import io.pgjet.errors.OperatorInterventionException;
import io.pgjet.errors.QueryCanceledException;
import io.pgjet.errors.SerializationFailureException;
import io.pgjet.errors.TransactionRollbackException;
import io.pgjet.errors.UniqueViolationException;
import io.pgjet.errors.XqueryErrorException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PgExceptionTest {

    private static Map<Character, String> fields(Object... codeAndValue) {
        Map<Character, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < codeAndValue.length; i += 2) {
            fields.put((Character) codeAndValue[i], (String) codeAndValue[i + 1]);
        }
        return fields;
    }

    private static Map<Character, String> error(String sqlState, String message) {
        return fields('S', "ERROR", 'V', "ERROR", 'C', sqlState, 'M', message);
    }

    @Test
    void messageStartsWithSeverityTextAndSqlStateThenDetailAndHint() {
        Map<Character, String> f = error("23505", "duplicate key value violates unique constraint \"t_pkey\"");
        f.put('D', "Key (id)=(1) already exists.");
        f.put('H', "Use another id.");
        assertEquals("ERROR: duplicate key value violates unique constraint \"t_pkey\" (SQLSTATE 23505)\n"
                + "  Detail: Key (id)=(1) already exists.\n"
                + "  Hint: Use another id.", new PgException(f, "insert into t values (1)").getMessage());
    }

    @Test
    void messageShowsOffendingLineWithCaretUnderPosition() {
        Map<Character, String> f = error("42703", "column \"nme\" does not exist");
        f.put('P', "8");
        f.put('H', "Perhaps you meant to reference the column \"users.name\".");
        assertEquals("ERROR: column \"nme\" does not exist (SQLSTATE 42703)\n"
                + "  Line 1: select nme from users\n"
                + "                 ^\n"
                + "  Hint: Perhaps you meant to reference the column \"users.name\".",
                new PgException(f, "select nme from users").getMessage());
    }

    @Test
    void caretFindsLineAndColumnInMultiLineQuery() {
        Map<Character, String> f = error("42703", "column \"nme\" does not exist");
        f.put('P', "14");
        String message = new PgException(f, "select 1,\r\n  nme\nfrom t").getMessage();
        assertTrue(message.endsWith("\n  Line 2:   nme\n            ^"), message);
    }

    @Test
    void caretCountsPositionInCodePointsNotUtf16Units() {
        Map<Character, String> f = error("42703", "column \"nme\" does not exist");
        f.put('P', "14");
        String query = "select 'é\uD83D\uDE00', nme";
        String message = new PgException(f, query).getMessage();
        String[] lines = message.split("\n");
        int caret = lines[2].indexOf('^');
        String shown = lines[1];
        assertEquals('n', shown.codePointAt(shown.offsetByCodePoints(0, caret)), message);
    }

    @Test
    void caretKeepsTabsSoItStaysAligned() {
        Map<Character, String> f = error("42703", "column \"nme\" does not exist");
        f.put('P', "8");
        String message = new PgException(f, "select\tnme").getMessage();
        assertTrue(message.endsWith("  Line 1: select\tnme\n          " + "      \t^"), message);
    }

    @Test
    void caretAfterLastCharacterForErrorAtEndOfInput() {
        Map<Character, String> f = error("42601", "syntax error at end of input");
        f.put('P', "7");
        assertTrue(new PgException(f, "select").getMessage().endsWith("Line 1: select\n                "
                + "^"));
    }

    @Test
    void longLineIsShortenedAroundThePosition() {
        StringBuilder query = new StringBuilder("select ");
        for (int i = 0; i < 40; i++) {
            query.append("col").append(i).append(", ");
        }
        query.append("nme from t");
        int position = query.indexOf("nme") + 1;
        Map<Character, String> f = error("42703", "column \"nme\" does not exist");
        f.put('P', Integer.toString(position));
        String[] lines = new PgException(f, query.toString()).getMessage().split("\n");
        assertTrue(lines[1].length() < 100, lines[1]);
        assertTrue(lines[1].contains("..."), lines[1]);
        assertEquals('n', lines[1].charAt(lines[2].indexOf('^')));
    }

    @Test
    void noCaretWithoutQueryOrPosition() {
        Map<Character, String> withPosition = error("42601", "syntax error");
        withPosition.put('P', "3");
        assertFalse(new PgException(withPosition, null).getMessage().contains("Line"));
        assertFalse(new PgException(error("42601", "syntax error"), "select").getMessage().contains("Line"));
    }

    @Test
    void internalQueryGetsItsOwnCaretAndContextFollows() {
        Map<Character, String> f = error("42703", "column \"nme\" does not exist");
        f.put('q', "SELECT nme FROM t");
        f.put('p', "8");
        f.put('W', "PL/pgSQL function f() line 3 at RETURN");
        assertEquals("ERROR: column \"nme\" does not exist (SQLSTATE 42703)\n"
                + "  Query: SELECT nme FROM t\n"
                + "                ^\n"
                + "  Where: PL/pgSQL function f() line 3 at RETURN", new PgException(f, "select f()").getMessage());
    }

    @Test
    void multiLineFieldsAreIndentedUnderTheirLabel() {
        Map<Character, String> f = error("P0001", "boom");
        f.put('W', "PL/pgSQL function a() line 1 at RAISE\nSQL statement \"select a()\"");
        assertTrue(new PgException(f, null).getMessage().endsWith(
                "  Where: PL/pgSQL function a() line 1 at RAISE\n         SQL statement \"select a()\""));
    }

    @Test
    void localizedSeverityIsShownAndEnglishSeverityIsReturned() {
        Map<Character, String> f = fields('S', "FEHLER", 'V', "ERROR", 'C', "42601", 'M', "Syntaxfehler");
        PgException e = new PgException(f, null);
        assertTrue(e.getMessage().startsWith("FEHLER: Syntaxfehler"));
        assertEquals("ERROR", e.severity());
        assertEquals("FEHLER", e.localizedSeverity());
    }

    @Test
    void messageSurvivesMissingFields() {
        assertEquals("ERROR: (no message)", new PgException(Map.of(), null).getMessage());
    }

    @Test
    void gettersExposeEveryField() {
        Map<Character, String> f = fields('S', "ERROR", 'V', "ERROR", 'C', "23503", 'M', "fk",
                'D', "detail", 'H', "hint", 'P', "12", 'p', "3", 'q', "iq", 'W', "where",
                's', "public", 't', "orders", 'c', "customer_id", 'd', "int4", 'n', "orders_customer_fk",
                'F', "ri_triggers.c", 'L', "2610", 'R', "ri_ReportViolation");
        PgException e = new PgException(f, "insert into orders values (1)");
        assertEquals("23503", e.sqlState());
        assertEquals("fk", e.serverMessage());
        assertEquals("detail", e.detail());
        assertEquals("hint", e.hint());
        assertEquals(12, e.position());
        assertEquals(3, e.internalPosition());
        assertEquals("iq", e.internalQuery());
        assertEquals("where", e.where());
        assertEquals("public", e.schemaName());
        assertEquals("orders", e.tableName());
        assertEquals("customer_id", e.columnName());
        assertEquals("int4", e.dataTypeName());
        assertEquals("orders_customer_fk", e.constraintName());
        assertEquals("ri_triggers.c", e.sourceFile());
        assertEquals(2610, e.sourceLine());
        assertEquals("ri_ReportViolation", e.routine());
        assertEquals("insert into orders values (1)", e.query());
        assertEquals(f, e.fields());
    }

    @Test
    void absentOrGarbledNumbersAreZero() {
        PgException e = new PgException(fields('P', "x", 'C', "42601"), null);
        assertEquals(0, e.position());
        assertEquals(0, e.internalPosition());
        assertEquals(0, e.sourceLine());
        assertNull(e.detail());
    }

    @Test
    void fieldsAreACopyThatCannotBeModified() {
        Map<Character, String> f = new HashMap<>(error("23505", "dup"));
        PgException e = new PgException(f, null);
        f.put('D', "changed later");
        assertNull(e.detail());
        assertThrows(UnsupportedOperationException.class, () -> e.fields().put('D', "x"));
    }

    @Test
    void ofPicksUniqueViolationExceptionFor23505() {
        PgException e = PgException.of(error("23505", "dup"), "insert");
        assertSame(UniqueViolationException.class, e.getClass());
        assertTrue(e instanceof IntegrityConstraintViolationException);
        assertEquals("insert", e.query());
        assertEquals("23505", e.sqlState());
    }

    @Test
    void ofPicksClassExceptionForUnknownCodeOfKnownClass() {
        assertSame(IntegrityConstraintViolationException.class, PgException.of(error("23999", "x"), null).getClass());
        assertSame(IntegrityConstraintViolationException.class, PgException.of(error("23000", "x"), null).getClass());
    }

    @Test
    void ofPicksDesignNamedExceptions() {
        PgException serialization = PgException.of(error("40001", "could not serialize"), null);
        assertSame(SerializationFailureException.class, serialization.getClass());
        assertTrue(serialization instanceof TransactionRollbackException);
        assertSame(DeadlockDetectedException.class, PgException.of(error("40P01", "deadlock"), null).getClass());
        PgException canceled = PgException.of(error("57014", "canceling statement"), null);
        assertSame(QueryCanceledException.class, canceled.getClass());
        assertTrue(canceled instanceof OperatorInterventionException);
    }

    @Test
    void ofHandlesClassWithoutGenericCode() {
        assertSame(InvalidArgumentForXqueryException.class, PgException.of(error("10608", "x"), null).getClass());
        assertSame(XqueryErrorException.class, PgException.of(error("10999", "x"), null).getClass());
    }

    @Test
    void ofFallsBackToPgExceptionForUnknownMissingOrWarningCodes() {
        assertSame(PgException.class, PgException.of(error("ZZ999", "x"), null).getClass());
        assertSame(PgException.class, PgException.of(fields('M', "no code"), null).getClass());
        assertSame(PgException.class, PgException.of(error("01000", "warning"), null).getClass());
        assertSame(PgException.class, PgException.of(error("2350", "short"), null).getClass());
    }
}
