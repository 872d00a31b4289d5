package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgBouncer;
import io.pgjet.testkit.PgTestServer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Behind pgbouncer in transaction mode with {@code transaction_pooler=true}: every verb of
 * {@link PgBouncerVerbs}, plus transactions and cursors inside them (which keep one server
 * connection); and without the option, PgJet's named statements collide across clients.
 */
class PgBouncerTransactionModeTest extends PgBouncerVerbs {
    @BeforeAll
    static void start() {
        startBouncer(PgBouncer.PoolMode.TRANSACTION);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void transactionsCommitAndRollBackOnOneServerConnection(Transport transport) {
        try (Connection c = open(transport)) {
            clear(c);
            try (Transaction tx = c.transaction()) {
                int pid = c.fetchVal("select pg_backend_pid()");
                c.execute("insert into " + table + " values ($1, $2)", 1, "kept");
                c.execute("set local application_name = 'in_tx'");
                assertEquals("in_tx", c.fetchVal("select current_setting('application_name')"));
                assertEquals(pid, (Integer) c.fetchVal("select pg_backend_pid()"));
                tx.commit();
            }
            try (Transaction tx = c.transaction()) {
                c.execute("insert into " + table + " values ($1, $2)", 2, "dropped");
                tx.rollback();
            }
            assertEquals(List.of("kept"), c.fetch("select name from " + table).stream().map(r -> r.getString(0)).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void cursorsInATransactionReadEveryRow(Transport transport) {
        try (Connection c = open(transport)) {
            try (Transaction tx = c.transaction()) {
                try (Stream<Row> rows = c.cursor("select g from generate_series(1, $1::int) g", 1000)) {
                    assertEquals(500500L, rows.mapToLong(r -> (Integer) r.get(0)).sum());
                }
                try (Cursor cursor = c.openCursor("select g from generate_series(1, 10) g")) {
                    assertEquals(List.of(1, 2, 3), cursor.fetch(3).stream().map(r -> (Integer) r.get(0)).toList());
                    assertEquals(7, cursor.fetch(100).size());
                }
                PreparedStatement ps = c.prepare("select g from generate_series(1, $1::int) g");
                try (Stream<Row> rows = ps.cursor(50)) {
                    assertEquals(50, rows.count());
                }
                tx.commit();
            }
        }
    }

    @Test
    void withoutTheOptionPgJetsNamedStatementsCollideAcrossClients() {
        // One server connection for every client: b's first statement gets the name a's first
        // statement already holds there.
        try (PgBouncer single = PgBouncer.start(PgTestServer.shared(), PgBouncer.PoolMode.TRANSACTION,
                Map.of("default_pool_size", "1"));
                Connection a = PgJet.connect(single.dsn()); Connection b = PgJet.connect(single.dsn())) {
            assertEquals(1, (Integer) a.fetchVal("select 1"));
            PgException e = assertThrows(PgException.class, () -> b.fetchVal("select 2"));
            assertEquals("42P05", e.sqlState(), e.getMessage());
            assertTrue(e.getMessage().contains("pgbouncer"), e.getMessage());
        }
    }

    @Test
    void theOptionCanBeSetAsPgjdbcsPrepareThresholdOrOnTheBuilder() {
        String[] variants = {bouncer.dsn() + "?prepareThreshold=0", bouncer.dsn() + "?prepare_threshold=0"};
        for (String dsn : variants) {
            ConnectionConfig config = ConnectionConfig.parse(dsn);
            assertTrue(config.transactionPooler(), dsn);
            try (Connection a = PgJet.connect(config); Connection b = PgJet.connect(config)) {
                assertEquals(1, (Integer) a.fetchVal("select 1"));
                assertEquals(2, (Integer) b.fetchVal("select 2"));
            }
        }
        ConnectionConfig built = ConnectionConfig.parse(bouncer.dsn()).toBuilder().transactionPooler(true).build();
        assertTrue(built.toString().contains("transactionPooler=true"), built.toString());
        assertEquals(built, built.toBuilder().build());
        assertTrue(!ConnectionConfig.parse(bouncer.dsn() + "?prepareThreshold=5").transactionPooler());
        assertThrows(InvalidDsnException.class, () -> ConnectionConfig.parse(bouncer.dsn() + "?prepare_threshold=-1"));
        assertTrue(Stream.of("true", "on", "1").map(v -> ConnectionConfig.parse(bouncer.dsn() + "?transaction_pooler=" + v))
                .allMatch(ConnectionConfig::transactionPooler), Stream.of("x").collect(Collectors.joining()));
    }
}
