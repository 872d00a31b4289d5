package io.pgjet;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.CopyTestSupport.DemandPublisher;
import io.pgjet.CopyTestSupport.FailingSource;
import io.pgjet.CopyTestSupport.SilentPublisher;
import io.pgjet.internal.copy.CopyOutPump;
import io.pgjet.internal.copy.CopyStatement;
import io.pgjet.testkit.PgTestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COPY in and out: statement text and options, sinks with backpressure, sources, binary records. */
class CopyTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private Connection conn;

    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        conn = PgJet.connect(PgTestServer.shared().dsn());
        conn.execute("create temp table people (id int, name text, note text)");
        conn.execute("insert into people values (1, 'alpha', null), (2, 'b,c', 'say \"hi\"'), (3, 'tab\there', '')");
    }

    @AfterEach
    void close() {
        conn.close();
    }

    private String copyOut(String table, CopyOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        conn.copyFromTable(table, CopySink.of(out), options);
        return out.toString(UTF_8);
    }

    private String single(String sql) {
        return conn.fetchRow(sql).getString(0);
    }

    // ---- COPY statement text -------------------------------------------------------------

    @Test
    void statementQuotesEachPartOfTheTableNameAndEveryOption() {
        CopyOptions options = CopyOptions.csv().withDelimiter(";").withNull("").withHeader(true).withQuote("'")
                .withEscape("\\").withForceQuote("a", "b\"c").withEncoding("LATIN1").withColumns("a", "b\"c");
        assertEquals("COPY \"app\".\"My Table\" (\"a\", \"b\"\"c\") TO STDOUT (FORMAT csv, DELIMITER ';', NULL '',"
                + " HEADER true, QUOTE '''', ESCAPE E'\\\\', FORCE_QUOTE (\"a\", \"b\"\"c\"), ENCODING 'LATIN1')",
                CopyStatement.copyTableOut("app.My Table", options));
        assertEquals("COPY \"my.schema\".\"t\"\"x\" FROM STDIN (FORMAT binary)",
                CopyStatement.copyTableIn("\"my.schema\".\"t\"\"x\"", CopyOptions.binary()));
        assertEquals("COPY (\nselect 1 -- one\n) TO STDOUT (FORMAT text)",
                CopyStatement.copyQueryOut("select 1 -- one", CopyOptions.defaults()));
        assertEquals("COPY (\nselect 1\n) TO STDOUT (FORMAT csv, FORCE_QUOTE *)",
                CopyStatement.copyQueryOut(" select 1;; ", CopyOptions.csv().withForceQuoteAll()));
    }

    @Test
    void invalidNamesAndOptionsAreRejectedBeforeAnythingIsSent() {
        assertThrows(PgInterfaceException.class, () -> CopyStatement.qualifiedName("a..b"));
        assertThrows(PgInterfaceException.class, () -> CopyStatement.qualifiedName("\"open"));
        assertThrows(PgInterfaceException.class, () -> CopyStatement.qualifiedName(""));
        assertThrows(PgInterfaceException.class, () -> CopyStatement.literal("nul\0"));
        PgInterfaceException forceQuoteIn = assertThrows(PgInterfaceException.class, () -> conn.copyToTable("people",
                CopySource.of(new ByteArrayInputStream(new byte[0])), CopyOptions.csv().withForceQuoteAll()));
        assertTrue(forceQuoteIn.getMessage().contains("FORCE_QUOTE"), forceQuoteIn.getMessage());
        PgInterfaceException forceQuoteText = assertThrows(PgInterfaceException.class,
                () -> copyOut("people", CopyOptions.defaults().withForceQuote("name")));
        assertTrue(forceQuoteText.getMessage().contains("FORCE_QUOTE"), forceQuoteText.getMessage());
        assertThrows(PgInterfaceException.class, () -> copyOut("people", CopyOptions.binary().withHeader(true)));
        assertThrows(PgInterfaceException.class,
                () -> conn.copyFromQuery("select 1", CopySink.of(new ByteArrayOutputStream()),
                        CopyOptions.defaults().withColumns("a")));
        assertEquals("1", single("select 1"));
    }

    // ---- COPY out ------------------------------------------------------------------------

    @Test
    void copiesTableOutAsText() {
        CommandStatus status = conn.copyFromTable("people", CopySink.of(new ByteArrayOutputStream()), null);
        assertEquals(3, status.rowCount());
        assertEquals("1\talpha\t\\N\n2\tb,c\tsay \"hi\"\n3\ttab\\there\t\n", copyOut("people", CopyOptions.defaults()));
    }

    @Test
    void copiesTableOutAsCsvWithHeader() {
        assertEquals("id,name,note\n1,alpha,\n2,\"b,c\",\"say \"\"hi\"\"\"\n3,tab\there,\"\"\n",
                copyOut("people", CopyOptions.csv().withHeader(true)));
    }

    @Test
    void copiesQueryOutAsTextAndCsv() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        CommandStatus status = conn.copyFromQuery("select g, 'r' || g from generate_series(1, 3) g;",
                CopySink.of(text), CopyOptions.defaults());
        assertEquals(3, status.rowCount());
        assertEquals("1\tr1\n2\tr2\n3\tr3\n", text.toString(UTF_8));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        conn.copyFromQuery("select name, id from people order by id", CopySink.of(csv), CopyOptions.csv());
        assertEquals("alpha,1\n\"b,c\",2\ntab\there,3\n", csv.toString(UTF_8));
    }

    @Test
    void copiesTableAndQueryOutAsBinary() {
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        assertEquals(3, conn.copyFromTable("people", CopySink.of(table), CopyOptions.binary()).rowCount());
        assertArrayEquals(CopyTestSupport.PGCOPY_SIGNATURE, java.util.Arrays.copyOf(table.toByteArray(), 11));
        assertEquals(3, CopyTestSupport.binaryRowCount(table.toByteArray()));
        ByteArrayOutputStream query = new ByteArrayOutputStream();
        assertEquals(1000, conn.copyFromQuery("select g, g * 2.5 from generate_series(1, 1000) g", CopySink.of(query),
                CopyOptions.binary()).rowCount());
        assertEquals(1000, CopyTestSupport.binaryRowCount(query.toByteArray()));
    }

    @Test
    void textOptionsDelimiterNullColumnsAndHeaderShapeTheOutput() {
        assertEquals("alpha|NULL\nb,c|say \"hi\"\ntab\\there|\n", copyOut("people",
                CopyOptions.defaults().withDelimiter("|").withNull("NULL").withColumns("name", "note")));
        if (Integer.parseInt(single("show server_version_num")) >= 150000) { // HEADER in text format: PG 15+
            assertEquals("name\nalpha\n", copyOut("people",
                    CopyOptions.defaults().withHeader(true).withColumns("name")).substring(0, 11));
        }
    }

    @Test
    void csvOptionsQuoteEscapeAndForceQuoteShapeTheOutput() {
        assertEquals("1,alpha,\n2,'b,c',say \"hi\"\n3,tab\there,''\n", copyOut("people", CopyOptions.csv().withQuote("'")));
        assertEquals("1,alpha,\n2,\"b,c\",\"say \\\"hi\\\"\"\n3,tab\there,\"\"\n",
                copyOut("people", CopyOptions.csv().withEscape("\\")));
        assertEquals("1,\"alpha\",\n2,\"b,c\",\"say \"\"hi\"\"\"\n3,\"tab\there\",\"\"\n",
                copyOut("people", CopyOptions.csv().withForceQuote("name")));
        assertEquals("\"1\",\"alpha\",\n\"2\",\"b,c\",\"say \"\"hi\"\"\"\n\"3\",\"tab\there\",\"\"\n",
                copyOut("people", CopyOptions.csv().withForceQuoteAll()));
    }

    @Test
    void latin1EncodingRoundTripsAccentedText() {
        conn.execute("create temp table accents (word text)");
        conn.execute("insert into accents values ('café')");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        conn.copyFromTable("accents", CopySink.of(out), CopyOptions.defaults().withEncoding("LATIN1"));
        assertArrayEquals("café\n".getBytes(ISO_8859_1), out.toByteArray());
        conn.copyToTable("accents", CopySource.of(new ByteArrayInputStream(out.toByteArray())),
                CopyOptions.defaults().withEncoding("LATIN1"));
        assertEquals("2", single("select count(*) from accents where word = 'café'"));
    }

    @Test
    void schemaQualifiedMixedCaseNamesAreQuotedPerPart() {
        conn.execute("create schema if not exists copy_test");
        conn.execute("drop table if exists copy_test.\"Mixed Case\"");
        conn.execute("create table copy_test.\"Mixed Case\" (\"Id\" int)");
        try {
            conn.execute("insert into copy_test.\"Mixed Case\" values (7)");
            assertEquals("7\n", copyOut("copy_test.Mixed Case", CopyOptions.defaults().withColumns("Id")));
            PgException missing = assertThrows(PgException.class, () -> copyOut("copy_test.mixed case", null));
            assertEquals("42P01", missing.sqlState());
        } finally {
            conn.execute("drop table copy_test.\"Mixed Case\"");
        }
    }

    @Test
    void copiesOutToPathAndConsumerOnWorkerThreads() throws IOException {
        Path file = dir.resolve("people.csv");
        conn.copyFromTable("people", CopySink.of(file), CopyOptions.csv());
        assertEquals("1,alpha,\n2,\"b,c\",\"say \"\"hi\"\"\"\n3,tab\there,\"\"\n", Files.readString(file));

        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();
        conn.copyFromQuery("select g from generate_series(1, 5) g", CopySink.of(chunk -> {
            threads.add(Thread.currentThread().getName());
            byte[] bytes = new byte[chunk.remaining()];
            chunk.get(bytes);
            collected.writeBytes(bytes);
        }), null);
        assertEquals("1\n2\n3\n4\n5\n", collected.toString(UTF_8));
        assertFalse(threads.isEmpty());
        assertTrue(threads.stream().noneMatch(name -> name.startsWith("pgjet-io")), threads.toString());
    }

    @Test
    void slowSinkCopies200000RowsWithBoundedQueue() {
        CopyOutPump.resetPeakQueuedBytes();
        AtomicLong bytes = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        CommandStatus status = conn.copyFromQuery("select g, repeat('x', 50) from generate_series(1, 200000) g",
                new CopySink() {
                    @Override
                    public void write(ByteBuffer chunk) {
                        threads.add(Thread.currentThread().getName());
                        // very slow until the queue reached its high-water mark, then still slow
                        boolean filled = CopyOutPump.peakQueuedBytes() >= CopyOutPump.HIGH_WATER_BYTES;
                        sleep(filled || System.nanoTime() - start > 10_000_000_000L ? 1 : 50);
                        bytes.addAndGet(chunk.remaining());
                        while (chunk.hasRemaining()) {
                            if (chunk.get() == '\n') {
                                rows.incrementAndGet();
                            }
                        }
                    }
                }, null);
        assertEquals(200_000, status.rowCount());
        assertEquals(200_000, rows.get());
        assertTrue(bytes.get() > 10_000_000L, "bytes " + bytes.get());
        long peak = CopyOutPump.peakQueuedBytes();
        assertTrue(peak >= CopyOutPump.HIGH_WATER_BYTES, "the sink fell behind and reading paused: " + peak);
        assertTrue(peak <= CopyOutPump.HIGH_WATER_BYTES + 1024 * 1024, "queue stayed bounded: " + peak);
        assertTrue(threads.stream().noneMatch(name -> name.startsWith("pgjet-io")), "sink ran off the I/O thread");
        assertEquals("1", single("select 1"));
    }

    @Test
    void throwingSinkFailsTheCopyAndConnectionStaysUsable() {
        AtomicBoolean finished = new AtomicBoolean();
        IOException broken = new IOException("disk full");
        PgInterfaceException e = assertThrows(PgInterfaceException.class, () -> conn.copyFromQuery(
                "select g, repeat('y', 100) from generate_series(1, 60000) g", new CopySink() {
                    int calls;

                    @Override
                    public void write(ByteBuffer chunk) throws IOException {
                        if (++calls == 3) {
                            throw broken;
                        }
                    }

                    @Override
                    public void finish() {
                        finished.set(true);
                    }
                }, null));
        assertSame(broken, e.getCause());
        assertTrue(finished.get(), "finish() runs after a failure too");
        assertEquals("1", single("select 1"));

        IllegalStateException runtime = new IllegalStateException("no");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> conn.copyFromTable("people",
                CopySink.of(chunk -> {
                    throw runtime;
                }), null));
        assertSame(runtime, thrown);
        assertEquals("3", single("select count(*) from people"));
    }

    @Test
    void consumerSinkUncheckedIoExceptionIsReportedAsItsCause() {
        IOException cause = new IOException("pipe closed");
        PgInterfaceException e = assertThrows(PgInterfaceException.class, () -> conn.copyFromTable("people",
                CopySink.of(chunk -> {
                    throw new UncheckedIOException(cause);
                }), null));
        assertSame(cause, e.getCause());
        assertEquals("2", single("select 2"));
    }

    // ---- COPY in -------------------------------------------------------------------------

    @Test
    void copiesInFromInputStreamPathAndPublisher() throws IOException {
        conn.execute("create temp table pets (id int, name text)");
        CommandStatus status = conn.copyToTable("pets",
                CopySource.of(new ByteArrayInputStream("1\trex\n2\t\\N\n".getBytes(UTF_8))), null);
        assertEquals(2, status.rowCount());

        Path file = dir.resolve("pets.csv");
        Files.writeString(file, "id,name\n3,\"tom, the cat\"\n4,\n");
        assertEquals(2, conn.copyToTable("pets", CopySource.of(file), CopyOptions.csv().withHeader(true)).rowCount());

        List<String> pieces = List.of("5\tbu", "bbles\n6", "\tnemo\n");
        DemandPublisher<ByteBuffer> publisher = new DemandPublisher<>(pieces.size(),
                i -> ByteBuffer.wrap(pieces.get((int) i).getBytes(UTF_8)));
        assertEquals(2, conn.copyToTable("pets", CopySource.of(publisher), null).rowCount());
        assertTrue(publisher.maxOutstanding.get() <= 4, "chunks requested a few at a time");

        assertEquals("rex,tom, the cat,bubbles,nemo", single("select string_agg(name, ',' order by id) from pets"));
        assertEquals("2", single("select count(*) from pets where name is null"));
    }

    @Test
    void fileWithBadLineLoadsNothingAndConnectionStaysUsable() throws IOException {
        conn.execute("create temp table numbers (n int)");
        conn.execute("insert into numbers values (0)");
        StringBuilder data = new StringBuilder();
        for (int i = 1; i <= 100_000; i++) {
            data.append(i == 50_000 ? "oops" : Integer.toString(i)).append('\n');
        }
        Path file = dir.resolve("numbers.txt");
        Files.writeString(file, data);
        AtomicBoolean closed = new AtomicBoolean();
        CopySource fileSource = CopySource.of(file);
        CopySource tracked = new CopySource() {
            @Override
            public ByteBuffer next() throws IOException {
                return fileSource.next();
            }

            @Override
            public void close() throws IOException {
                fileSource.close();
                closed.set(true);
            }
        };
        PgException e = assertThrows(PgException.class, () -> conn.copyToTable("numbers", tracked, null));
        assertEquals("22P02", e.sqlState());
        assertTrue(e.where() != null && e.where().contains("line 50000"), e.where());
        assertEquals("1", single("select count(*) from numbers"));
        for (int i = 0; i < 100 && !closed.get(); i++) {
            sleep(10); // a read in progress when the server failed closes the source when it returns
        }
        assertTrue(closed.get(), "the source was closed");
    }

    @Test
    void sourceFailingMidStreamAbortsWithCopyFailAndLoadsNothing() {
        conn.execute("create temp table numbers (n int)");
        FailingSource source = new FailingSource(List.of("1\n2\n", "3\n"));
        PgInterfaceException e = assertThrows(PgInterfaceException.class,
                () -> conn.copyToTable("numbers", source, null));
        assertInstanceOf(IOException.class, e.getCause());
        assertEquals("disk on fire", e.getCause().getMessage());
        assertTrue(e.getMessage().contains("disk on fire"), e.getMessage());
        PgException server = (PgException) e.getSuppressed()[0];
        assertEquals("57014", server.sqlState());
        assertTrue(source.closed.get(), "the source was closed");
        assertEquals("0", single("select count(*) from numbers"));
    }

    @Test
    void publisherErrorAbortsTheCopyIn() {
        conn.execute("create temp table numbers (n int)");
        IllegalStateException boom = new IllegalStateException("upstream broke");
        DemandPublisher<ByteBuffer> publisher = new DemandPublisher<>(100,
                i -> ByteBuffer.wrap((i + "\n").getBytes(UTF_8)), 50, boom);
        PgInterfaceException e = assertThrows(PgInterfaceException.class,
                () -> conn.copyToTable("numbers", CopySource.of(publisher), null));
        assertSame(boom, e.getCause().getCause());
        assertEquals("0", single("select count(*) from numbers"));
    }

    @Test
    void timeoutWhileWaitingForSourceStopsTheCopyAndCancelsThePublisher() throws Exception {
        AsyncConnection async = PgJet.connectAsync(PgTestServer.shared().dsn()).get(10, TimeUnit.SECONDS);
        try {
            async.execute("create temp table numbers (n int)").get(10, TimeUnit.SECONDS);
            SilentPublisher<ByteBuffer> silent = new SilentPublisher<>();
            CompletionException e = assertThrows(CompletionException.class, () -> async
                    .withTimeout(Duration.ofMillis(300)).copyToTable("numbers", CopySource.of(silent), null).join());
            assertInstanceOf(PgTimeoutException.class, e.getCause());
            assertTrue(silent.cancelled.get(), "the subscription was cancelled");
            sleep(200); // let the cancel request land while the connection is idle, not on the next query
            assertEquals("0", async.fetchRow("select count(*) from numbers").get(10, TimeUnit.SECONDS).getString(0));
        } finally {
            async.close();
        }
    }

    // ---- copyRecordsToTable --------------------------------------------------------------

    /** A row of the readings table. */
    record Reading(int id, String label, double value, OffsetDateTime at) {}

    /** A row with one value too few. */
    record Short3(int id, String label, double value) {}

    private void createReadings() {
        conn.execute("create temp table readings (id int4, label text, value float8, at timestamptz)");
    }

    private void assertReadings(int count) {
        Row r = conn.fetchRow("select count(*), sum(id), sum(value), count(distinct label),"
                + " count(*) filter (where at = timestamptz '2024-01-01 00:00:00+00' + id * interval '1 second')"
                + " from readings");
        assertEquals(Integer.toString(count), r.getString(0));
        assertEquals(Long.toString((long) count * (count + 1) / 2), r.getString(1));
        assertEquals((double) count * (count + 1) / 2 * 0.5, Double.parseDouble(r.getString(2)), 1e-6);
        assertEquals(Integer.toString(count), r.getString(3));
        assertEquals(Integer.toString(count), r.getString(4));
        Row one = conn.fetchRow("select label, value, extract(epoch from at)::bigint from readings where id = 777");
        assertEquals("reading 777 é", one.getString(0));
        assertEquals("388.5", one.getString(1));
        assertEquals(T0.plusSeconds(777).toEpochSecond(), Long.parseLong(one.getString(2)));
    }

    @Test
    void copiesHundredThousandObjectArraysAsBinary() {
        createReadings();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= 100_000; i++) {
            rows.add(new Object[] {i, "reading " + i + " é", i * 0.5, T0.plusSeconds(i)});
        }
        long start = System.nanoTime();
        CommandStatus status = conn.copyRecordsToTable("readings", rows);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(100_000, status.rowCount());
        assertReadings(100_000);
        assertTrue(millis < 10_000, "took " + millis + " ms");
    }

    @Test
    void copiesHundredThousandRecordsAsBinary() {
        createReadings();
        List<Reading> rows = new ArrayList<>();
        for (int i = 1; i <= 100_000; i++) {
            rows.add(new Reading(i, "reading " + i + " é", i * 0.5, T0.plusSeconds(i)));
        }
        assertEquals(100_000, conn.copyRecordsToTable("readings", rows).rowCount());
        assertReadings(100_000);
    }

    @Test
    void copiesRecordsFromPublisherWithBackpressure() throws Exception {
        DemandPublisher<Reading> publisher = new DemandPublisher<>(50_000,
                n -> new Reading((int) n + 1, "reading " + (n + 1) + " é", (n + 1) * 0.5, T0.plusSeconds(n + 1)));
        AsyncConnection async = PgJet.connectAsync(PgTestServer.shared().dsn()).get(10, TimeUnit.SECONDS);
        try {
            async.execute("create temp table copy_published (id int4, label text, value float8, at timestamptz)")
                    .get(10, TimeUnit.SECONDS);
            CommandStatus status = async.copyRecordsToTable("copy_published", publisher).get(30, TimeUnit.SECONDS);
            assertEquals(50_000, status.rowCount());
            assertTrue(publisher.maxOutstanding.get() <= 512, "rows requested in batches: " + publisher.maxOutstanding);
            Row r = async.fetchRow("select count(*), sum(id) from copy_published").get(10, TimeUnit.SECONDS);
            assertEquals("50000", r.getString(0));
            assertEquals(Long.toString(50_000L * 50_001 / 2), r.getString(1));
        } finally {
            async.close();
        }
    }

    @Test
    void nullsAndColumnSubsetsAndInstantsAreEncoded() {
        createReadings();
        assertEquals(0, conn.copyRecordsToTable("readings", List.of()).rowCount());
        List<Object[]> rows = List.of(new Object[] {"only label", 1}, new Object[] {null, 2});
        assertEquals(2, conn.copyRecordsToTable("readings", rows, "label", "id").rowCount());
        assertEquals("1", single("select count(*) from readings where label is null and value is null and at is null"));
        conn.copyRecordsToTable("readings",
                List.<Object[]>of(new Object[] {3, null, null, Instant.parse("2024-05-06T07:08:09Z")}));
        assertEquals("2024-05-06 07:08:09", single("select to_char(at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')"
                + " from readings where id = 3"));
    }

    @Test
    void enumColumnsAreEncodedThroughIntrospection() {
        conn.execute("drop type if exists copy_mood cascade");
        conn.execute("create type copy_mood as enum ('sad', 'ok', 'happy')");
        try {
            conn.execute("create temp table moods (id int, mood copy_mood)");
            conn.copyRecordsToTable("moods", List.of(new Object[] {1, "happy"}, new Object[] {2, "sad"}));
            assertEquals("happy,sad", single("select string_agg(mood::text, ',' order by id) from moods"));
        } finally {
            conn.execute("drop type copy_mood cascade");
        }
    }

    @Test
    void recordOfWrongArityFailsNamingTheRowAndLoadsNothing() {
        createReadings();
        List<Object> rows = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            rows.add(i == 5 ? new Short3(i, "short", 1.0) : new Reading(i, "ok", 1.0, T0));
        }
        PgInterfaceException e = assertThrows(PgInterfaceException.class,
                () -> conn.copyRecordsToTable("readings", rows));
        assertTrue(e.getMessage().contains("row 5 (index 4)") && e.getMessage().contains("3 values"), e.getMessage());
        assertEquals("0", single("select count(*) from readings"));
    }

    @Test
    void unencodableValuesAndUnknownColumnsAreClearErrors() {
        createReadings();
        PgInterfaceException badValue = assertThrows(PgInterfaceException.class, () -> conn.copyRecordsToTable(
                "readings", List.of(new Object[] {1, "a", 1.0, T0}, new Object[] {2, "b", "not a number", T0})));
        assertTrue(badValue.getMessage().contains("row 2 (index 1), column \"value\""), badValue.getMessage());
        PgInterfaceException badColumn = assertThrows(PgInterfaceException.class,
                () -> conn.copyRecordsToTable("readings", List.<Object[]>of(), "ID"));
        assertTrue(badColumn.getMessage().contains("no column \"ID\""), badColumn.getMessage());
        PgInterfaceException notARow = assertThrows(PgInterfaceException.class,
                () -> conn.copyRecordsToTable("readings", List.of("text")));
        assertTrue(notARow.getMessage().contains("Object[] or a Java record"), notARow.getMessage());
        assertEquals("0", single("select count(*) from readings"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
