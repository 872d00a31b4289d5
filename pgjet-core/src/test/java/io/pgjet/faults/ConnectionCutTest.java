package io.pgjet.faults;

import static io.pgjet.faults.Faults.countAfterBackendEnds;
import static io.pgjet.faults.Faults.direct;
import static io.pgjet.faults.Faults.failsWithin;
import static io.pgjet.faults.Faults.through;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.Connection;
import io.pgjet.ConnectionConfig;
import io.pgjet.CopyOptions;
import io.pgjet.CopySink;
import io.pgjet.PgConnectionException;
import io.pgjet.PgJetException;
import io.pgjet.Row;
import io.pgjet.Transaction;
import io.pgjet.faults.Faults.Transport;
import io.pgjet.testkit.FaultProxy;
import io.pgjet.testkit.FaultProxy.Direction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The connection is cut (FIN or RST, mid-message) while a verb is moving data: the verb fails
 * with {@link PgConnectionException} within a bound, the connection reports itself closed, a new
 * connection through the same proxy works, and what was being written is either fully committed
 * or absent (checked on a second connection once the server has ended the victim's backend).
 */
class ConnectionCutTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @ParameterizedTest
    @EnumSource(Transport.class)
    void cutDuringALargeFetchFailsTheFetchAndClosesTheConnection(Transport transport) throws Exception {
        try (FaultProxy proxy = FaultProxy.to(Faults.server())) {
            ConnectionConfig config = through(proxy);
            try (Connection conn = transport.open(config)) {
                proxy.cutAfter(Direction.TO_CLIENT, 1_000_000 + ThreadLocalRandom.current().nextInt(1000));
                Throwable failure = failsWithin(BOUND,
                        () -> conn.fetch("select g, repeat('x', 200) from generate_series(1, 200000) g"));
                assertInstanceOf(PgConnectionException.class, failure);
                assertTrue(conn.isClosed(), "the cut connection says it is closed");
                assertInstanceOf(PgJetException.class, assertThrows(PgJetException.class, () -> conn.fetchVal("select 1")));
            }
            assertReconnects(transport, config);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void resetDuringExecuteManyLeavesAllOrNoneOfTheTenThousandRows(Transport transport) throws Exception {
        String table = "cut_many_" + transport.name().toLowerCase();
        recreate(table);
        try (FaultProxy proxy = FaultProxy.to(Faults.server())) {
            ConnectionConfig config = through(proxy);
            int pid;
            try (Connection conn = transport.open(config)) {
                pid = conn.getServerPid();
                List<Object[]> rows = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    rows.add(new Object[] {i, "row " + i});
                }
                proxy.resetAfter(Direction.TO_SERVER, 150_000);
                Throwable failure = failsWithin(BOUND,
                        () -> conn.executeMany("insert into " + table + " values ($1, $2)", rows));
                assertInstanceOf(PgConnectionException.class, failure);
                assertTrue(conn.isClosed());
            }
            long count = countAfterBackendEnds(pid, table);
            assertTrue(count == 0 || count == 10_000, "executeMany left " + count + " of 10000 rows");
            assertReconnects(transport, config);
        } finally {
            drop(table);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void cutDuringCopyInLeavesAllOrNoneOfTheRows(Transport transport) throws Exception {
        String table = "cut_copy_in_" + transport.name().toLowerCase();
        recreate(table);
        try (FaultProxy proxy = FaultProxy.to(Faults.server())) {
            ConnectionConfig config = through(proxy);
            int pid;
            try (Connection conn = transport.open(config)) {
                pid = conn.getServerPid();
                AtomicLong next = new AtomicLong();
                proxy.cutAfter(Direction.TO_SERVER, 300_000);
                Throwable failure = failsWithin(BOUND, () -> conn.copyToTable(table, () -> {
                    long i = next.getAndIncrement();
                    if (i >= 50_000) {
                        return null;
                    }
                    return ByteBuffer.wrap((i + "\tline " + i + "\n").getBytes(StandardCharsets.UTF_8));
                }, CopyOptions.defaults()));
                assertInstanceOf(PgConnectionException.class, failure);
                assertTrue(conn.isClosed());
            }
            long count = countAfterBackendEnds(pid, table);
            assertTrue(count == 0 || count == 50_000, "COPY left " + count + " of 50000 rows");
            assertReconnects(transport, config);
        } finally {
            drop(table);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void resetDuringCopyOutFailsTheCopyWithConnectionError(Transport transport) throws Exception {
        try (FaultProxy proxy = FaultProxy.to(Faults.server())) {
            ConnectionConfig config = through(proxy);
            try (Connection conn = transport.open(config)) {
                AtomicLong received = new AtomicLong();
                proxy.resetAfter(Direction.TO_CLIENT, 500_000);
                Throwable failure = failsWithin(BOUND, () -> conn.copyFromQuery(
                        "select g, repeat('y', 100) from generate_series(1, 100000) g",
                        CopySink.of(chunk -> received.addAndGet(chunk.remaining())), CopyOptions.defaults()));
                assertInstanceOf(PgConnectionException.class, failure);
                assertTrue(received.get() < 500_000, "the sink got no more than what crossed: " + received.get());
                assertTrue(conn.isClosed());
            }
            assertReconnects(transport, config);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void cutDuringACursorFailsTheIterationAndClosesTheConnection(Transport transport) throws Exception {
        try (FaultProxy proxy = FaultProxy.to(Faults.server())) {
            ConnectionConfig config = through(proxy);
            try (Connection conn = transport.open(config)) {
                Transaction tx = conn.transaction();
                long[] seen = new long[1];
                Throwable failure = failsWithin(BOUND, () -> {
                    try (Stream<Row> rows = conn.cursor("select g from generate_series(1, 1000000) g")) {
                        Iterator<Row> it = rows.iterator();
                        while (it.hasNext()) {
                            it.next();
                            if (++seen[0] == 1000) {
                                proxy.cutAfter(Direction.TO_CLIENT, 20_000);
                            }
                        }
                    }
                });
                assertInstanceOf(PgConnectionException.class, failure);
                assertTrue(seen[0] >= 1000 && seen[0] < 1_000_000, "rows seen: " + seen[0]);
                assertTrue(conn.isClosed());
                assertThrows(PgJetException.class, tx::commit);
            }
            assertReconnects(transport, config);
        }
    }

    private static void assertReconnects(Transport transport, ConnectionConfig config) {
        try (Connection again = transport.open(config)) {
            assertEquals(42, (int) again.<Integer>fetchVal("select 42"));
        }
    }

    private static void recreate(String table) {
        try (Connection conn = direct()) {
            conn.execute("drop table if exists " + table);
            conn.execute("create table " + table + " (id int, note text)");
        }
    }

    private static void drop(String table) {
        try (Connection conn = direct()) {
            conn.execute("drop table if exists " + table);
        }
    }
}
