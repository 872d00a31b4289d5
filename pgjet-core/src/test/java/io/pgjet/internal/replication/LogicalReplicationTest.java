package io.pgjet.internal.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.AsyncConnection;
import io.pgjet.Connection;
import io.pgjet.PgException;
import io.pgjet.PgInterfaceException;
import io.pgjet.PgJet;
import io.pgjet.replication.Lsn;
import io.pgjet.replication.Replication;
import io.pgjet.replication.ReplicationConnection;
import io.pgjet.replication.ReplicationMessage;
import io.pgjet.replication.ReplicationMessage.Begin;
import io.pgjet.replication.ReplicationMessage.Commit;
import io.pgjet.replication.ReplicationMessage.Delete;
import io.pgjet.replication.ReplicationMessage.Insert;
import io.pgjet.replication.ReplicationMessage.Relation;
import io.pgjet.replication.ReplicationMessage.StreamCommit;
import io.pgjet.replication.ReplicationMessage.StreamStart;
import io.pgjet.replication.ReplicationMessage.Truncate;
import io.pgjet.replication.ReplicationMessage.Update;
import io.pgjet.replication.ReplicationOptions;
import io.pgjet.replication.ReplicationSlot;
import io.pgjet.replication.ReplicationStream;
import io.pgjet.replication.SystemIdentity;
import io.pgjet.testkit.AuthMethod;
import io.pgjet.testkit.PgCluster;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logical replication against a real server started with {@code wal_level=logical} (a cluster of
 * its own, so other tests keep the default settings): slots, pgoutput changes in transactions,
 * streamed in-progress transactions (14+; on 13 the option is refused), backpressure, restart
 * after acknowledge, clean stop, failures.
 */
class LogicalReplicationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static PgCluster cluster;
    private static Connection sql;

    @BeforeAll
    static void start() {
        cluster = PgCluster.builder().auth(AuthMethod.TRUST)
                .setting("wal_level", "logical")
                .setting("max_wal_senders", "10")
                .setting("max_replication_slots", "10")
                .setting("logical_decoding_work_mem", "64kB")
                // short, so the keepalive test sees the server drop a standby that does not answer
                .setting("wal_sender_timeout", "2s")
                .start();
        sql = PgJet.connect(dsn(false));
        System.out.println("logical replication tests on PostgreSQL " + cluster.version());
        sql.executeScript("create table item (id int primary key, name text, amount numeric, at timestamptz);"
                + "create table audit (id int, note text); alter table audit replica identity full;"
                + "create table bulk (id int primary key, payload text);"
                + "create publication pub_items for table item, audit;"
                + "create publication pub_bulk for table bulk;");
    }

    @AfterAll
    static void stop() throws Exception {
        if (Boolean.getBoolean("repl.debug")) {
            System.out.println(java.nio.file.Files.readString(cluster.logFile()));
        }
        if (sql != null) {
            sql.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String dsn(boolean replication) {
        return "postgresql://" + cluster.superuser() + "@127.0.0.1:" + cluster.port() + "/postgres?sslmode=disable"
                + (replication ? "&replication=database" : "");
    }

    private static ReplicationConnection replication() {
        return Replication.connect(dsn(false)).join();
    }

    @Test
    void identifySystemAndSlotsCreateAndDrop() {
        try (ReplicationConnection repl = replication()) {
            SystemIdentity id = repl.identifySystem().join();
            assertEquals("postgres", id.database());
            assertEquals(1, id.timeline());
            assertTrue(id.xlogPosition().isAfter(Lsn.INVALID), id.toString());
            assertEquals(sql.<Long>fetchVal("select system_identifier from pg_control_system()").toString(), id.systemId());

            ReplicationSlot temp = repl.createLogicalSlot("slot_temp", true).join();
            assertEquals("slot_temp", temp.slotName());
            assertEquals("pgoutput", temp.outputPlugin());
            assertNotNull(temp.snapshotName());
            assertTrue(temp.consistentPoint().isAfter(Lsn.INVALID));
            assertEquals(true, sql.fetchVal("select temporary from pg_replication_slots where slot_name = 'slot_temp'"));

            repl.createLogicalSlot("slot_kept", false).join();
            assertEquals(1L, sql.<Long>fetchVal("select count(*) from pg_replication_slots where slot_name = 'slot_kept'"));
            repl.dropSlot("slot_kept").join();
            assertEquals(0L, sql.<Long>fetchVal("select count(*) from pg_replication_slots where slot_name = 'slot_kept'"));
        }
        // the temporary slot went with its connection
        assertEquals(0L, sql.<Long>fetchVal("select count(*) from pg_replication_slots where slot_name = 'slot_temp'"));
    }

    @Test
    void replicationConnectionRefusesExtendedProtocolVerbsClearly() {
        AsyncConnection conn = PgJet.connectAsync(dsn(true)).join();
        try {
            CompletionException e = assertThrows(CompletionException.class, () -> conn.fetch("select $1::int", 1).join());
            assertInstanceOf(PgInterfaceException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("simple query protocol"), e.getCause().getMessage());
            assertEquals("logical", conn.executeScript("show wal_level").join().get(0).rows().get(0).getString(0));
            assertEquals("7", conn.executeScript("select 3 + 4").join().get(0).rows().get(0).getString(0));
        } finally {
            conn.close();
        }
    }

    @Test
    void streamsInsertsUpdatesDeletesAndTruncateInTransactions() throws Exception {
        try (ReplicationConnection repl = replication()) {
            repl.createLogicalSlot("slot_changes", true).join();
            sql.executeScript("begin; insert into item values (1, 'one', 1.50, '2024-05-06 07:08:09.123+00'),"
                    + " (2, 'two', null, null); commit;"
                    + "update item set name = 'uno' where id = 1;"
                    + "update item set id = 10 where id = 2;"
                    + "delete from item where id = 10;"
                    + "insert into audit values (1, 'a'); update audit set note = 'b'; delete from audit;"
                    + "truncate item, audit;");
            ReplicationStream stream = repl.startReplication(ReplicationOptions.builder("slot_changes", "pub_items").build());
            Collector c = new Collector(Long.MAX_VALUE);
            stream.subscribe(c);
            List<ReplicationMessage> all = c.until(m -> m instanceof Truncate, WAIT);
            all.addAll(c.until(m -> m instanceof Commit, WAIT));

            Begin begin = (Begin) all.get(0);
            assertTrue(begin.xid() > 0);
            Relation item = (Relation) all.get(1);
            assertEquals("public", item.namespace());
            assertEquals("item", item.name());
            assertEquals('d', item.replicaIdentity());
            assertEquals(List.of("id", "name", "amount", "at"), item.columns().stream().map(ReplicationMessage.Column::name).toList());
            assertTrue(item.columns().get(0).key());
            assertEquals(23, item.columns().get(0).typeOid());

            Insert first = (Insert) all.get(2);
            assertEquals(1, first.newTuple().value("id"));
            assertEquals("one", first.newTuple().value("name"));
            assertEquals(new BigDecimal("1.50"), first.newTuple().value("amount"));
            assertEquals(java.time.Instant.parse("2024-05-06T07:08:09.123Z"),
                    ((java.time.OffsetDateTime) first.newTuple().value("at")).toInstant());
            Insert second = (Insert) all.get(3);
            assertTrue(second.newTuple().isNull(2));
            Commit commit = (Commit) all.get(4);
            assertEquals(begin.finalLsn(), commit.commitLsn());
            assertTrue(commit.endLsn().isAfter(commit.commitLsn()));

            List<Update> updates = all.stream().filter(Update.class::isInstance).map(Update.class::cast).toList();
            assertEquals(3, updates.size());
            assertNull(updates.get(0).oldKey()); // key unchanged: no old image with the default identity
            assertEquals("uno", updates.get(0).newTuple().text("name"));
            assertEquals("2", updates.get(1).oldKey().text("id")); // key changed: the old key comes along
            assertEquals(10, updates.get(1).newTuple().value("id"));
            assertEquals("a", updates.get(2).oldTuple().text("note")); // REPLICA IDENTITY FULL: the whole old row
            assertEquals("audit", updates.get(2).relation().name());

            List<Delete> deletes = all.stream().filter(Delete.class::isInstance).map(Delete.class::cast).toList();
            assertEquals("10", deletes.get(0).oldKey().text("id"));
            assertNull(deletes.get(0).oldTuple());
            assertEquals("b", deletes.get(1).oldTuple().text("note"));

            Truncate truncate = (Truncate) all.stream().filter(Truncate.class::isInstance).findFirst().orElseThrow();
            assertEquals(List.of("audit", "item"), truncate.relations().stream().map(Relation::name).sorted().toList());
            // one explicit transaction, then the rest of the script as one implicit transaction
            assertEquals(2, all.stream().filter(m -> m instanceof Begin).count());

            c.cancel();
            stream.stopped().get(10, TimeUnit.SECONDS);
            // the connection is usable after a clean stop
            assertEquals("postgres", repl.identifySystem().join().database());
        }
    }

    @Test
    void acknowledgedTransactionsAreNotReplayedAfterRestart() throws Exception {
        try (ReplicationConnection repl = replication()) {
            repl.createLogicalSlot("slot_ack", false).join();
            try {
                sql.execute("insert into item values (101, 'first')");
                sql.execute("insert into item values (102, 'second')");
                ReplicationStream stream = repl.startReplication(ReplicationOptions.builder("slot_ack", "pub_items").build());
                Collector c = new Collector(Long.MAX_VALUE);
                stream.subscribe(c);
                Commit firstCommit = (Commit) c.until(m -> m instanceof Commit, WAIT).get(3 - 1 + 1);
                c.until(m -> m instanceof Commit, WAIT); // the second transaction arrived but is not acknowledged
                stream.acknowledge(firstCommit.endLsn());
                assertEquals(firstCommit.endLsn(), stream.acknowledged());
                c.cancel();
                stream.stopped().get(10, TimeUnit.SECONDS);
                assertEquals(firstCommit.endLsn().toString(),
                        sql.fetchVal("select confirmed_flush_lsn::text from pg_replication_slots where slot_name = 'slot_ack'"));

                // the stopped connection still takes commands, but not a second stream (the server would end it at once)
                assertEquals("postgres", repl.identifySystem().join().database());
                PgInterfaceException twice = assertThrows(PgInterfaceException.class,
                        () -> repl.startReplication(ReplicationOptions.builder("slot_ack", "pub_items").build()));
                assertTrue(twice.getMessage().contains("new ReplicationConnection"), twice.getMessage());

                // a new connection on the same slot: resumes after the acknowledged transaction
                ReplicationConnection repl2 = replication();
                ReplicationStream again = repl2.startReplication(ReplicationOptions.builder("slot_ack", "pub_items").build());
                Collector c2 = new Collector(Long.MAX_VALUE);
                again.subscribe(c2);
                List<ReplicationMessage> replay = c2.until(m -> m instanceof Commit, WAIT);
                Insert insert = (Insert) replay.stream().filter(Insert.class::isInstance).findFirst().orElseThrow();
                assertEquals(102, insert.newTuple().value("id"));
                c2.cancel();
                again.stopped().get(10, TimeUnit.SECONDS);
                repl2.close();
            } finally {
                repl.dropSlot("slot_ack").join();
                sql.execute("delete from item where id > 100");
            }
        }
    }

    @Test
    void slowSubscriberHoldsTheServerBackWithABoundedQueue() throws Exception {
        int rows = 4000;
        int buffer = 64;
        try (ReplicationConnection repl = replication()) {
            repl.createLogicalSlot("slot_slow", true).join();
            sql.execute("insert into bulk select g, repeat('x', 2000) from generate_series(1, " + rows + ") g");
            ReplicationStream stream = repl.startReplication(ReplicationOptions.builder("slot_slow", "pub_bulk")
                    .bufferMessages(buffer).statusInterval(Duration.ofMillis(200)).build());
            ReplicationPublisher.resetPeakQueuedMessages();
            Collector c = new Collector(1);
            stream.subscribe(c);
            c.until(m -> m instanceof Begin, WAIT);
            Thread.sleep(1500); // demand 0: the server must wait, not our memory grow
            int peakWhileStalled = ReplicationPublisher.peakQueuedMessages();
            assertTrue(peakWhileStalled >= buffer, "the queue filled up to its bound: " + peakWhileStalled);
            // what Netty had already read when reading stopped is decoded too: one read loop at most
            assertTrue(peakWhileStalled < buffer + 1000, "bounded: " + peakWhileStalled + " of " + rows);
            long start = System.nanoTime();
            c.request(Long.MAX_VALUE);
            List<ReplicationMessage> rest = c.until(m -> m instanceof Commit, WAIT);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(rows + 1 /* Relation */ + 1 /* Commit */, rest.size());
            assertTrue(ReplicationPublisher.peakQueuedMessages() < buffer + 1000);
            System.out.printf("replication: %d inserts of 2 kB decoded in %.2f s (%.0f changes/s), peak queue %d%n",
                    rows, seconds, rows / seconds, ReplicationPublisher.peakQueuedMessages());
            c.cancel();
            stream.stopped().get(10, TimeUnit.SECONDS);
        } finally {
            sql.execute("truncate bulk");
        }
    }

    @Test
    void largeTransactionStreamsInProgressOn14AndLater() throws Exception {
        try (ReplicationConnection repl = replication()) {
            repl.createLogicalSlot("slot_stream", true).join();
            ReplicationOptions streaming = ReplicationOptions.builder("slot_stream", "pub_bulk").streaming(true).build();
            assertEquals(2, streaming.protoVersion());
            if (repl.serverMajorVersion() < 14) {
                PgInterfaceException e = assertThrows(PgInterfaceException.class, () -> repl.startReplication(streaming));
                assertTrue(e.getMessage().contains("PostgreSQL 14"), e.getMessage());
                return; // PostgreSQL 13 has no streaming of in-progress transactions: refused before sending
            }
            ReplicationStream stream = repl.startReplication(streaming);
            Collector c = new Collector(Long.MAX_VALUE);
            stream.subscribe(c);
            // more than logical_decoding_work_mem (64kB) in one open transaction
            sql.execute("insert into bulk select g, repeat('y', 500) from generate_series(10001, 11000) g");
            List<ReplicationMessage> all = c.until(m -> m instanceof StreamCommit, WAIT);
            StreamStart start = (StreamStart) all.stream().filter(StreamStart.class::isInstance).findFirst().orElseThrow();
            assertTrue(start.firstSegment());
            List<Insert> inserts = all.stream().filter(Insert.class::isInstance).map(Insert.class::cast).toList();
            assertEquals(1000, inserts.size());
            assertTrue(inserts.stream().allMatch(i -> i.xid() == start.xid()), "streamed changes carry their xid");
            assertFalse(all.stream().anyMatch(m -> m instanceof Begin), "a streamed transaction has no Begin");
            StreamCommit commit = (StreamCommit) all.get(all.size() - 1);
            assertEquals(start.xid(), commit.xid());
            stream.acknowledge(commit.endLsn());

            // a subtransaction rolled back inside a streamed transaction: Stream Abort of the subxid.
            // (A rolled-back top-level transaction is not streamed at all by PostgreSQL 16+, which
            // checks for the abort before streaming.)
            sql.executeScript("begin; insert into bulk select g, repeat('z', 500) from generate_series(20001, 21000) g;"
                    + " savepoint s; insert into bulk select g, repeat('z', 500) from generate_series(21001, 22000) g;"
                    + " rollback to savepoint s; commit;");
            List<ReplicationMessage> second = c.until(m -> m instanceof StreamCommit, WAIT);
            ReplicationMessage.StreamAbort abort = (ReplicationMessage.StreamAbort) second.stream()
                    .filter(ReplicationMessage.StreamAbort.class::isInstance).findFirst().orElseThrow();
            StreamCommit secondCommit = (StreamCommit) second.get(second.size() - 1);
            assertEquals(secondCommit.xid(), abort.xid());
            assertNotEquals(abort.xid(), abort.subXid(), "only the subtransaction aborted");
            stream.acknowledge(secondCommit.endLsn());
            c.cancel();
            stream.stopped().get(10, TimeUnit.SECONDS);
        } finally {
            sql.execute("truncate bulk");
        }
    }

    @Test
    void slotInUseAndUnknownPublicationEndTheStreamWithTheServerError() throws Exception {
        try (ReplicationConnection holder = replication(); ReplicationConnection other = replication()) {
            holder.createLogicalSlot("slot_busy", true).join();
            ReplicationStream running = holder.startReplication(ReplicationOptions.builder("slot_busy", "pub_items").build());
            Collector c = new Collector(Long.MAX_VALUE);
            running.subscribe(c);
            // a temporary slot belongs to its session; a second START on it fails with object_in_use
            Collector failed = new Collector(Long.MAX_VALUE);
            other.startReplication(ReplicationOptions.builder("slot_busy", "pub_items").build()).subscribe(failed);
            Throwable busy = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> failed.done.get(10, TimeUnit.SECONDS)).getCause();
            assertInstanceOf(PgException.class, busy);
            assertEquals("55006", ((PgException) busy).sqlState(), busy.getMessage());
            c.cancel();
            running.stopped().get(10, TimeUnit.SECONDS);

            try (ReplicationConnection third = replication()) {
                third.createLogicalSlot("slot_nopub", true).join();
                java.util.concurrent.LinkedBlockingQueue<io.pgjet.Notice> notices = new java.util.concurrent.LinkedBlockingQueue<>();
                third.addLogListener(notices::add);
                Collector unknown = new Collector(Long.MAX_VALUE);
                third.startReplication(ReplicationOptions.builder("slot_nopub", "no_such_pub").build()).subscribe(unknown);
                sql.execute("insert into item values (201, 'x')");
                if (third.serverMajorVersion() >= 18) {
                    // PostgreSQL 18 warns and streams nothing for the missing publication
                    io.pgjet.Notice warning = notices.poll(10, TimeUnit.SECONDS);
                    assertNotNull(warning, "no warning about the missing publication");
                    assertTrue(warning.message().contains("no_such_pub"), warning.message());
                    assertFalse(unknown.done.isDone());
                } else {
                    Throwable e = assertThrows(java.util.concurrent.ExecutionException.class,
                            () -> unknown.done.get(10, TimeUnit.SECONDS)).getCause();
                    assertInstanceOf(PgException.class, e);
                    assertTrue(e.getMessage().contains("no_such_pub"), e.getMessage());
                }
            }
            assertNotEquals(null, other.identifySystem().join()); // still usable after the failed stream
        } finally {
            sql.execute("delete from item where id > 200");
        }
    }

    @Test
    void connectionLossMidStreamFailsTheSubscriberAndKeepsTheSlotForARestart() throws Exception {
        ReplicationConnection repl = replication();
        try {
            repl.createLogicalSlot("slot_lost", false).join();
            ReplicationStream stream = repl.startReplication(ReplicationOptions.builder("slot_lost", "pub_items").build());
            Collector c = new Collector(Long.MAX_VALUE);
            stream.subscribe(c);
            sql.execute("insert into item values (301, 'before')");
            Commit commit = (Commit) c.until(m -> m instanceof Commit, WAIT).get(3);
            stream.acknowledge(commit.endLsn());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!commit.endLsn().toString().equals(sql.fetchVal(
                    "select confirmed_flush_lsn::text from pg_replication_slots where slot_name = 'slot_lost'"))) {
                assertTrue(System.nanoTime() < deadline, "the acknowledgement reached the server");
                Thread.sleep(20);
            }
            sql.execute("insert into item values (302, 'after')");
            sql.fetchVal("select pg_terminate_backend(active_pid) from pg_replication_slots where slot_name = 'slot_lost'");
            Throwable lost = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> c.done.get(10, TimeUnit.SECONDS)).getCause();
            assertInstanceOf(io.pgjet.PgConnectionException.class, lost, lost.toString());
            System.out.println("replication: connection loss surfaced as " + lost);
            assertThrows(java.util.concurrent.ExecutionException.class, () -> stream.stopped().get(10, TimeUnit.SECONDS));

            try (ReplicationConnection again = replication()) {
                // the slot is released once the terminated walsender is gone
                long released = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (Boolean.TRUE.equals(sql.fetchVal("select active from pg_replication_slots where slot_name = 'slot_lost'"))) {
                    assertTrue(System.nanoTime() < released, "the slot was released");
                    Thread.sleep(20);
                }
                ReplicationStream resumed = again.startReplication(ReplicationOptions.builder("slot_lost", "pub_items").build());
                Collector c2 = new Collector(Long.MAX_VALUE);
                resumed.subscribe(c2);
                Insert insert = (Insert) c2.until(m -> m instanceof Insert, WAIT).stream()
                        .filter(Insert.class::isInstance).findFirst().orElseThrow();
                assertEquals(302, insert.newTuple().value("id")); // 301 was acknowledged: not sent again
                c2.cancel();
                resumed.stopped().get(10, TimeUnit.SECONDS);
                again.dropSlot("slot_lost").join();
            }
        } finally {
            repl.close();
            sql.execute("delete from item where id > 300");
        }
    }

    @Test
    void keepalivesThatAskForAReplyAreAnsweredSoAnIdleStreamOutlivesWalSenderTimeout() throws Exception {
        try (ReplicationConnection repl = replication()) {
            repl.createLogicalSlot("slot_idle", true).join();
            // the timer alone (10 s) would be too late for wal_sender_timeout=2s: only replies to
            // the server's reply-requested keepalives keep this stream alive
            ReplicationStream stream = repl.startReplication(ReplicationOptions.builder("slot_idle", "pub_items").build());
            Collector c = new Collector(Long.MAX_VALUE);
            stream.subscribe(c);
            Thread.sleep(5000);
            assertFalse(c.done.isDone(), "the server dropped the idle stream: " + c.done);
            assertTrue(stream.lastReceived().isAfter(Lsn.INVALID), "keepalives carried the server's WAL end");
            sql.execute("insert into item values (401, 'late')");
            Insert insert = (Insert) c.until(m -> m instanceof Insert, WAIT).stream()
                    .filter(Insert.class::isInstance).findFirst().orElseThrow();
            assertEquals(401, insert.newTuple().value("id"));
            c.cancel();
            stream.stopped().get(10, TimeUnit.SECONDS);
        } finally {
            sql.execute("delete from item where id > 400");
        }
    }
}
