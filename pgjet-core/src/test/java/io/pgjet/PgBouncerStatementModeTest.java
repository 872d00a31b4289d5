package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgBouncer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Behind pgbouncer in statement mode with {@code transaction_pooler=true}: every verb of
 * {@link PgBouncerVerbs} works (a pipelined executeMany is one statement to pgbouncer: one Sync),
 * and a transaction block, which pgbouncer refuses in this mode, fails at once with its error.
 */
class PgBouncerStatementModeTest extends PgBouncerVerbs {
    @BeforeAll
    static void start() {
        startBouncer(PgBouncer.PoolMode.STATEMENT);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aTransactionBlockFailsWithPgbouncersErrorInsteadOfHanging(Transport transport) {
        try (Connection c = open(transport)) {
            PgJetException e = assertThrows(PgJetException.class, () -> {
                try (Transaction tx = c.transaction()) {
                    c.execute("select 1");
                    tx.commit();
                }
            });
            assertTrue(e.getMessage().contains("transaction blocks not allowed in statement pooling mode"), e.getMessage());
        }
        try (Connection c = open(transport)) {
            assertEquals(1, (Integer) c.fetchVal("select 1"));
        }
    }
}
