package io.pgjet.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.Connection;
import io.pgjet.PgInterfaceException;
import io.pgjet.PgJet;
import io.pgjet.testkit.PgTestServer;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Java value that does not fit the parameter type the server described is refused before
 * anything is sent; values that fit (including a string in the type's text form) are accepted.
 */
class StrictParametersTest {
    private Connection conn;

    @BeforeEach
    void connect() {
        conn = PgJet.connect(PgTestServer.shared().dsn());
    }

    @AfterEach
    void close() {
        conn.close();
    }

    private void refused(String sql, Object value, String typeName) {
        PgInterfaceException e = assertThrows(PgInterfaceException.class, () -> conn.fetchVal(sql, value),
                sql + " with " + value.getClass().getName());
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains(typeName), e.getMessage());
        assertEquals(1, (int) conn.<Integer>fetchVal("select 1"), "the connection stays usable");
    }

    @Test
    void integerForByteaIsRefusedNotStoredAsItsDigits() {
        refused("select $1::bytea", 1, "bytea");
    }

    @Test
    void integerForBoolIsRefusedNotReadAsTrue() {
        refused("select $1::bool", 1, "bool");
        refused("select $1::bool", 0L, "bool");
    }

    @Test
    void valuesOfTheWrongKindAreRefusedForEveryBuiltinFamily() {
        refused("select $1::text", 1, "text");
        refused("select $1::varchar", UUID.randomUUID(), "varchar");
        refused("select $1::uuid", 12, "uuid");
        refused("select $1::date", 20240101, "date");
        refused("select $1::int4", true, "int4");
        refused("select $1::numeric", true, "numeric");
        refused("select $1::json", new Object(), "json");
        refused("select $1::int4range", 5, "int4range");
        refused("select $1::int4[]", 5, "int4[]");
    }

    @Test
    void aStringLongerThanOneCharacterIsRefusedForChar() {
        refused("select $1::\"char\"", "ab", "char");
        assertEquals("a", conn.fetchVal("select $1::\"char\"", "a"));
    }

    @Test
    void stringsInTheTypesTextFormAndFittingValuesAreStillAccepted() {
        assertEquals(LocalDate.of(2024, 1, 1), conn.fetchVal("select $1::date", "2024-01-01"));
        assertEquals(true, conn.fetchVal("select $1::bool", "t"));
        assertArrayEquals(new byte[] {1, 2}, conn.fetchVal("select $1::bytea", "\\x0102"));
        assertEquals(5L, (long) conn.<Long>fetchVal("select $1::int8", 5));
        assertEquals("x", conn.fetchVal("select $1::text", 'x'));
        assertEquals(1.5, conn.<Double>fetchVal("select $1::float8", 1.5f));
    }

    @Test
    void collectionOfRangesIsAcceptedForAMultirange() {
        List<PgRange<Integer>> ranges = List.of(PgRange.closedOpen(1, 3), PgRange.closedOpen(5, 7));
        if (PgTestServer.shared().majorVersion() < 14) {
            // multiranges exist from PostgreSQL 14 on: the server's own error, nothing sent wrongly
            assertThrows(io.pgjet.errors.UndefinedObjectException.class,
                    () -> conn.fetchVal("select $1::int4multirange", ranges));
            assertEquals(1, (int) conn.fetchVal("select 1"), "the connection stays usable");
            return;
        }
        PgMultirange<?> value = conn.fetchVal("select $1::int4multirange", ranges);
        assertEquals(PgMultirange.of(PgRange.closedOpen(1, 3), PgRange.closedOpen(5, 7)), value);
        assertEquals("{[1,3),[5,7)}", conn.fetchVal("select $1::int4multirange::text", List.of(PgRange.closedOpen(5, 7), PgRange.closedOpen(1, 3))));
    }

    @Test
    void stringInTheBaseTypesTextFormIsAcceptedForADomain() {
        conn.execute("drop domain if exists pgjet_strict_day");
        conn.execute("create domain pgjet_strict_day as date");
        try {
            assertEquals(LocalDate.of(2024, 2, 29), conn.fetchVal("select $1::pgjet_strict_day", "2024-02-29"));
            assertEquals(LocalDate.of(2024, 3, 1), conn.fetchVal("select $1::pgjet_strict_day", LocalDate.of(2024, 3, 1)));
            refused("select $1::pgjet_strict_day", 20240101, "pgjet_strict_day");
        } finally {
            conn.execute("drop domain if exists pgjet_strict_day");
        }
    }

    @Test
    void tsqueryParameterIsBoundInTextFormat() {
        assertEquals("'a' & 'b'", conn.fetchVal("select $1::tsquery::text", new PgTsQuery("a & b")));
    }

    @Test
    void valueThatDoesNotFitIsRefusedInARewrittenBatchToo() {
        try (Connection batching = PgJet.connect(PgTestServer.shared().dsn() + (PgTestServer.shared().dsn().contains("?")
                ? "&" : "?") + "rewrite_batched_inserts=true")) {
            batching.execute("create temp table strict_batch (b bytea)");
            assertThrows(PgInterfaceException.class, () -> batching.executeMany("insert into strict_batch (b) values ($1)",
                    List.of(new Object[] {new byte[] {1}}, new Object[] {1}, new Object[] {new byte[] {2}})));
            assertEquals(0L, (long) batching.<Long>fetchVal("select count(*) from strict_batch"));
        }
    }

    @Test
    void numberBeyondTheFloatingPointRangeIsRefusedNotSentAsInfinityOrZero() {
        refused("select $1::float8", new java.math.BigDecimal("1e400"), "float8");
        refused("select $1::float8", new java.math.BigDecimal("1e-400"), "float8");
        refused("select $1::float4", new java.math.BigDecimal("1e400"), "float4");
        refused("select $1::float8", java.math.BigInteger.TEN.pow(400), "float8");
        assertEquals(Double.POSITIVE_INFINITY, conn.<Double>fetchVal("select $1::float8", Double.POSITIVE_INFINITY));
        assertEquals(0.0, conn.<Double>fetchVal("select $1::float8", java.math.BigDecimal.ZERO));
    }

    @Test
    void readingAFloatingPointValueIntoAClassTooNarrowForItIsRefused() {
        io.pgjet.Row row = conn.fetchRow("select 1e300::float8, 1e400::numeric, 1e-400::numeric, 1.5::float8, 2.5::numeric");
        assertThrows(PgInterfaceException.class, () -> row.get(0, Float.class));
        assertThrows(PgInterfaceException.class, () -> row.get(1, Double.class));
        assertThrows(PgInterfaceException.class, () -> row.get(2, Double.class));
        assertThrows(PgInterfaceException.class, () -> row.get(1, Float.class));
        assertEquals(1.5f, row.get(3, Float.class));
        assertEquals(2.5, row.get(4, Double.class));
    }
}
