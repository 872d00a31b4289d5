package io.pgjet.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Transactions: definitions (isolation, read-only, lock wait timeout), auto-commit, savepoints, validate. */
class R2dbcTransactionTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private Connection connection;

    @BeforeEach
    void open() {
        connection = Mono.from(R2dbcTestSupport.factory().create()).block(WAIT);
        run("CREATE TEMP TABLE tx_items (v int)");
    }

    @AfterEach
    void close() {
        Mono.from(connection.close()).block(WAIT);
    }

    private void run(String sql) {
        Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).blockLast(WAIT);
    }

    private Object value(String sql) {
        return Flux.from(connection.createStatement(sql).execute()).concatMap(r -> r.map((row, md) -> row.get(0)))
                .blockLast(WAIT);
    }

    private static TransactionDefinition definition(Map<io.r2dbc.spi.Option<?>, Object> attributes) {
        return new TransactionDefinition() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T getAttribute(io.r2dbc.spi.Option<T> option) {
                return (T) attributes.get(option);
            }
        };
    }

    @Test
    void definitionSetsIsolationReadOnlyAndLockWaitTimeout() {
        Map<io.r2dbc.spi.Option<?>, Object> attributes = new HashMap<>();
        attributes.put(TransactionDefinition.ISOLATION_LEVEL, IsolationLevel.SERIALIZABLE);
        attributes.put(TransactionDefinition.READ_ONLY, true);
        attributes.put(TransactionDefinition.LOCK_WAIT_TIMEOUT, Duration.ofMillis(1500));
        Mono.from(connection.beginTransaction(definition(attributes))).block(WAIT);
        assertEquals("serializable", value("SHOW transaction_isolation"));
        assertEquals("on", value("SHOW transaction_read_only"));
        assertEquals("1500ms", value("SHOW lock_timeout"));
        assertEquals(IsolationLevel.SERIALIZABLE, connection.getTransactionIsolationLevel());
        assertFalse(connection.isAutoCommit());
        R2dbcException readOnly = assertThrows(R2dbcException.class, () -> run("CREATE TABLE tx_read_only (v int)"));
        assertEquals("25006", readOnly.getSqlState());
        Mono.from(connection.rollbackTransaction()).block(WAIT);
        assertEquals("0", value("SHOW lock_timeout"), "SET LOCAL ends with the transaction");
        assertEquals(IsolationLevel.READ_COMMITTED, connection.getTransactionIsolationLevel());
        assertTrue(connection.isAutoCommit());
    }

    @Test
    void autoCommitOffBeginsATransactionForTheNextStatement() {
        Mono.from(connection.setAutoCommit(false)).block(WAIT);
        run("INSERT INTO tx_items VALUES (1)");
        assertFalse(connection.isAutoCommit());
        Mono.from(connection.rollbackTransaction()).block(WAIT);
        assertEquals(0L, value("SELECT count(*) FROM tx_items"), "the insert ran in a transaction that was rolled back");
        Mono.from(connection.rollbackTransaction()).block(WAIT);
        run("INSERT INTO tx_items VALUES (2)");
        Mono.from(connection.setAutoCommit(true)).block(WAIT);
        Mono.from(connection.rollbackTransaction()).block(WAIT);
        assertEquals(1L, value("SELECT count(*) FROM tx_items"), "setAutoCommit(true) committed");
    }

    @Test
    void savepointsRollBackPartOfATransaction() {
        Mono.from(connection.beginTransaction()).block(WAIT);
        run("INSERT INTO tx_items VALUES (1)");
        Mono.from(connection.createSavepoint("before \"two\"")).block(WAIT);
        run("INSERT INTO tx_items VALUES (2)");
        Mono.from(connection.rollbackTransactionToSavepoint("before \"two\"")).block(WAIT);
        Mono.from(connection.releaseSavepoint("before \"two\"")).block(WAIT);
        Mono.from(connection.commitTransaction()).block(WAIT);
        assertEquals(1L, value("SELECT count(*) FROM tx_items"));
    }

    @Test
    void sessionIsolationLevelIsSetAndReported() {
        Mono.from(connection.setTransactionIsolationLevel(IsolationLevel.REPEATABLE_READ)).block(WAIT);
        assertEquals(IsolationLevel.REPEATABLE_READ, connection.getTransactionIsolationLevel());
        Mono.from(connection.beginTransaction()).block(WAIT);
        assertEquals("repeatable read", value("SHOW transaction_isolation"));
        Mono.from(connection.commitTransaction()).block(WAIT);
    }

    @Test
    void lockWaitTimeoutEndsAWaitWithATransientError() {
        Connection other = Mono.from(R2dbcTestSupport.factory().create()).block(WAIT);
        try {
            run("DROP TABLE IF EXISTS tx_locked");
            run("CREATE TABLE tx_locked (v int)");
            Mono.from(other.beginTransaction()).block(WAIT);
            Flux.from(other.createStatement("LOCK TABLE tx_locked IN ACCESS EXCLUSIVE MODE").execute())
                    .flatMap(Result::getRowsUpdated).blockLast(WAIT);
            Mono.from(connection.setLockWaitTimeout(Duration.ofMillis(200))).block(WAIT);
            long start = System.nanoTime();
            R2dbcException timedOut = assertThrows(R2dbcTransientResourceException.class, () -> run("SELECT * FROM tx_locked"));
            assertEquals("55P03", timedOut.getSqlState());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
        } finally {
            Mono.from(other.close()).block(WAIT);
            run("DROP TABLE IF EXISTS tx_locked");
        }
    }

    @Test
    void validateIsTrueWhileOpenAndFalseAfterClose() {
        Connection extra = Mono.from(R2dbcTestSupport.factory().create()).block(WAIT);
        assertEquals(true, Mono.from(extra.validate(ValidationDepth.REMOTE)).block(WAIT));
        ((PgJetR2dbcConnection) extra).unwrap().terminate();
        assertEquals(false, Mono.from(extra.validate(ValidationDepth.LOCAL)).block(WAIT));
        assertEquals(false, Mono.from(extra.validate(ValidationDepth.REMOTE)).block(WAIT));
        Mono.from(extra.close()).block(WAIT);
    }
}
