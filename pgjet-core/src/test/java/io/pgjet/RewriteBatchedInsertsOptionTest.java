package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rewriteBatchedInserts option: off by default, set by builder or connection string. */
class RewriteBatchedInsertsOptionTest {

    private static ConnectionConfig parse(String dsn) {
        return ConnectionConfig.parse(dsn, Map.of(), null);
    }

    @Test
    void isOffByDefault() {
        assertFalse(ConnectionConfig.builder().build().rewriteBatchedInserts());
        assertFalse(parse("postgresql://h/db").rewriteBatchedInserts());
    }

    @Test
    void uriKeywordTurnsItOn() {
        assertTrue(parse("postgresql://h/db?rewrite_batched_inserts=true").rewriteBatchedInserts());
        assertTrue(parse("postgresql://h/db?sslmode=disable&rewrite_batched_inserts=on").rewriteBatchedInserts());
        assertFalse(parse("postgresql://h/db?rewrite_batched_inserts=false").rewriteBatchedInserts());
    }

    @Test
    void pgjdbcSpellingIsAcceptedToo() {
        assertTrue(parse("postgresql://h/db?reWriteBatchedInserts=true").rewriteBatchedInserts());
        assertTrue(parse("host=h reWriteBatchedInserts=1").rewriteBatchedInserts());
        assertTrue(parse("host=h rewrite_batched_inserts=yes").rewriteBatchedInserts());
        assertFalse(parse("host=h reWriteBatchedInserts=off").rewriteBatchedInserts());
    }

    @Test
    void invalidValueIsRejectedNamingTheOption() {
        InvalidDsnException e = assertThrows(InvalidDsnException.class,
                () -> parse("postgresql://h/db?rewrite_batched_inserts=maybe"));
        assertTrue(e.getMessage().contains("rewrite_batched_inserts"), e.getMessage());
    }

    @Test
    void misspeltKeywordGetsASuggestion() {
        InvalidDsnException e = assertThrows(InvalidDsnException.class,
                () -> parse("postgresql://h/db?rewrite_batch_inserts=true"));
        assertTrue(e.getMessage().contains("did you mean \"rewrite_batched_inserts\""), e.getMessage());
    }

    @Test
    void builderToStringEqualsAndToBuilderCarryIt() {
        ConnectionConfig on = ConnectionConfig.builder().host("h", 5432).user("u").database("d")
                .rewriteBatchedInserts(true).build();
        ConnectionConfig off = on.toBuilder().rewriteBatchedInserts(false).build();
        assertTrue(on.rewriteBatchedInserts());
        assertTrue(on.toString().contains("rewriteBatchedInserts=true"), on.toString());
        assertTrue(off.toString().contains("rewriteBatchedInserts=false"), off.toString());
        assertEquals(on, on.toBuilder().build());
        assertTrue(on.toBuilder().build().rewriteBatchedInserts());
        assertNotEquals(on, off);
        assertEquals(on.hashCode(), on.toBuilder().build().hashCode());
    }
}
