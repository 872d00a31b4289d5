package io.pgjet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * A connection to PostgreSQL whose methods return at once with a {@link CompletableFuture}.
 *
 * <p>Thread-safe: any thread may call any method. Requests issued while others are in flight are
 * pipelined (written without waiting) and answered in order. Futures complete on PgJet's I/O
 * thread: dependent stages attached with {@code thenApply}/{@code thenAccept} run there, so they
 * must not block (use the {@code ...Async} variants for blocking work). Cancelling a future sends
 * a cancel request to the server; the connection stays usable.
 *
 * <p>Parameters are written {@code $1..$n} in SQL and always sent as bound values, never
 * interpolated into the SQL text.
 */
public interface AsyncConnection extends AutoCloseable {

    /**
     * Runs a statement and returns its command status. Without arguments the SQL goes through the
     * simple query protocol, so it may hold several statements separated by semicolons; the
     * status of the last one is returned. With arguments it runs as one prepared statement.
     */
    CompletableFuture<CommandStatus> execute(String sql, Object... args);

    /** Runs a query and returns all its rows. */
    CompletableFuture<List<Row>> fetch(String sql, Object... args);

    /**
     * Runs one statement (as a prepared statement, like {@link #fetch}) and returns its rows and
     * its command status together.
     *
     * @param sql one SQL statement, with {@code $1}, {@code $2}... placeholders
     * @param args the parameter values
     * @return a future of the rows and the status
     */
    CompletableFuture<QueryResult> fetchResult(String sql, Object... args);

    /**
     * Runs a script of statements separated by semicolons through the simple query protocol (no
     * parameters; values arrive in text format, decoded like any other) and returns one result
     * per statement, in order. Without an explicit {@code BEGIN} the script runs as one implicit
     * transaction: an error rolls back all of it and fails the future.
     *
     * @param sql the script
     * @return a future of one result per statement; empty for a script with no statements
     */
    CompletableFuture<List<QueryResult>> executeScript(String sql);

    /** Runs a query and returns its first row, or null when it returned none. */
    CompletableFuture<Row> fetchRow(String sql, Object... args);

    /**
     * Runs a query and returns the first column of its first row as its default Java type (e.g.
     * {@code Long} for {@code count(*)}), or null when there is no row or the value is NULL.
     * The result type is inferred at the call site: {@code Long n = conn.fetchVal(...)}.
     */
    <T> CompletableFuture<T> fetchVal(String sql, Object... args);

    /** Runs a query and maps every row to the record {@code type}; see {@link Row#as(Class)}. */
    <R extends Record> CompletableFuture<List<R>> fetch(Class<R> type, String sql, Object... args);

    /** Runs a query and maps its first row to the record {@code type}, or returns null. */
    <R extends Record> CompletableFuture<R> fetchRow(Class<R> type, String sql, Object... args);

    /**
     * Prepares {@code sql} on the server and returns a statement to execute many times (one round
     * trip each), with its parameter and column types.
     */
    CompletableFuture<AsyncPreparedStatement> prepare(String sql);

    /**
     * Prepares {@code sql} under the server-side name {@code name}, so SQL on this connection can
     * also run it ({@code EXECUTE name(...)}, {@code DEALLOCATE name}). The name is used exactly
     * as given: SQL folds unquoted names to lower case, so a name with upper-case letters must be
     * double-quoted there. Fails with the server's 42P05 if the name is taken on this connection,
     * and with {@link PgInterfaceException} if it is empty, holds U+0000 or is longer than
     * PostgreSQL's 63-byte identifiers (SQL would then refer to a truncated name). Closing the
     * statement deallocates it.
     */
    CompletableFuture<AsyncPreparedStatement> prepare(String sql, String name);

    /**
     * Streams the rows of {@code sql} as they arrive, without a transaction or a server-side
     * cursor: one Execute of the unnamed portal with no row limit, whose rows are handed to the
     * subscriber as the server sends them, in constant memory for any result size.
     *
     * <p><b>Backpressure</b> comes from the socket: rows go to the subscriber only against its
     * demand; while demand is missing PgJet buffers at most a few thousand rows (a few MiB),
     * then stops reading the connection, so the server blocks on its send buffer until the
     * subscriber requests more.
     *
     * <p><b>Contract.</b> Cold: each {@code subscribe} runs the statement once, submitted during
     * {@code subscribe} (it takes its place in this connection's pipeline then). Signals arrive
     * serially on a PgJet worker thread, never the I/O thread; {@code onSubscribe} comes first,
     * then at most as many {@code onNext} as requested, then exactly one of {@code onComplete}
     * (every row delivered) or {@code onError}. A server error part-way (e.g. division by zero
     * at row 5000) reaches {@code onError} as the {@link PgException} subclass of its SQLSTATE,
     * after the rows that came before it; a lost connection as {@link PgConnectionException}.
     * {@code onComplete} and {@code onError} may arrive without outstanding demand. Cancelling
     * the subscription stops the statement (a cancel request if it still runs; what is already
     * on its way is read and discarded) and leaves the connection usable; no further signal
     * follows a cancel. Rows stay valid after {@code onNext} returns.
     *
     * <p><b>Pipelining.</b> Requests issued on this connection after the stream was subscribed
     * wait until it ends: their answers come after its rows. A subscriber must therefore not
     * wait for such a request from its own callbacks (it would wait for itself). No client-side
     * timeout applies to the stream; the server's {@code statement_timeout} does.
     *
     * @param sql one statement, with {@code $1..$n} parameters
     * @param args the parameter values
     * @return a publisher of the statement's rows
     */
    Flow.Publisher<Row> stream(String sql, Object... args);

    /**
     * Streams the rows of {@code sql} through a server-side cursor, fetching 50 rows at a time
     * as the subscriber requests them (real backpressure: memory stays flat for any result size).
     * Must be subscribed inside a transaction; otherwise the subscriber gets
     * {@link PgInterfaceException}. Signals arrive on a PgJet worker thread, never the I/O thread.
     * Cancelling the subscription closes the cursor.
     */
    Flow.Publisher<Row> cursor(String sql, Object... args);

    /** Like {@link #cursor(String, Object...)}, fetching {@code prefetch} rows per round trip. */
    Flow.Publisher<Row> cursor(int prefetch, String sql, Object... args);

    /**
     * Opens a forward-only server-side cursor over {@code sql} (inside a transaction; outside one
     * the future fails with {@link PgInterfaceException}).
     */
    CompletableFuture<AsyncCursor> openCursor(String sql, Object... args);

    /** Opens a scrollable cursor ({@code DECLARE ... SCROLL CURSOR}) inside a transaction. */
    CompletableFuture<AsyncCursor> openScrollableCursor(String sql, Object... args);

    /**
     * Begins a transaction with the server's default options; inside another transaction it
     * becomes a savepoint. Statements issued on this connection run in it until it is committed
     * or rolled back.
     */
    CompletableFuture<AsyncTransaction> transaction();

    /**
     * Begins a transaction with the given isolation, read-only and deferrable options. Nested
     * transactions are savepoints and cannot take options (the future fails with
     * {@link PgInterfaceException}).
     */
    CompletableFuture<AsyncTransaction> transaction(TransactionOptions options);

    /**
     * Executes {@code sql} once for each parameter set, pipelined in large writes under a single
     * Sync: one round trip, and all or nothing (outside a transaction block the batch is one
     * implicit transaction). Parameter sets are read lazily from the iterable on PgJet's I/O
     * thread as the socket drains, so a batch of any size needs bounded memory; the iterator must
     * not block. On failure the exception says which parameter set the server rejected (in a
     * suppressed exception) and the connection stays usable.
     *
     * <p>With {@link ConnectionConfig#rewriteBatchedInserts()} on, a plain single-row
     * {@code INSERT ... VALUES (...)} runs instead as one {@code INSERT ... SELECT FROM unnest(...)}
     * per chunk of rows (several times faster; statement-level triggers fire once per chunk, and
     * an error names the chunk's row range rather than the exact row). See the guide.
     *
     * @return the total number of rows the executions affected
     */
    CompletableFuture<Long> executeMany(String sql, Iterable<Object[]> parameterSets);

    /**
     * Like {@link #executeMany(String, Iterable)} with parameter sets from a publisher, requested
     * in slices as the batch is written (real backpressure; the publisher may be slow). A
     * publisher error abandons the batch: nothing of it is applied.
     */
    CompletableFuture<Long> executeMany(String sql, Flow.Publisher<Object[]> parameterSets);

    /**
     * Like {@link #executeMany} but returns every row the executions produced, in order, e.g.
     * the ids of {@code insert ... returning id} (asyncpg's {@code fetchmany}).
     */
    CompletableFuture<List<Row>> fetchMany(String sql, Iterable<Object[]> parameterSets);

    /**
     * Copies a table's contents out ({@code COPY table TO STDOUT}) into {@code sink}.
     *
     * @param table the table, optionally schema-qualified ({@code schema.table}); quoted by PgJet
     * @return the command status, whose row count is the number of rows copied
     */
    CompletableFuture<CommandStatus> copyFromTable(String table, CopySink sink, CopyOptions options);

    /** Copies the result of {@code query} out ({@code COPY (query) TO STDOUT}) into {@code sink}. */
    CompletableFuture<CommandStatus> copyFromQuery(String query, CopySink sink, CopyOptions options);

    /**
     * Copies the result of {@code query}, whose parameters {@code $1..$n} take {@code args}, out
     * into {@code sink}. COPY takes no bound parameters, so each argument is first sent bound to
     * its described type and turned into a quoted literal by the server ({@code quote_nullable}),
     * which then replaces its {@code $n} in the COPY's query text: the value reaches the query
     * exactly as a bound one would, at the cost of one round trip.
     */
    CompletableFuture<CommandStatus> copyFromQuery(String query, CopySink sink, CopyOptions options, Object... args);

    /**
     * Copies data from {@code source} into a table ({@code COPY table FROM STDIN}). A bad line or a
     * failing source aborts the whole COPY (nothing is loaded) with a clear exception.
     */
    CompletableFuture<CommandStatus> copyToTable(String table, CopySource source, CopyOptions options);

    /**
     * Loads rows into a table with binary COPY, encoding the Java values directly (no text round
     * trip). Each element is an {@code Object[]} or a Java record whose components are the values
     * in column order. The iterable is read on a worker thread as the server takes the data.
     *
     * @param columns the target columns; none means all columns of the table in order
     */
    CompletableFuture<CommandStatus> copyRecordsToTable(String table, Iterable<?> records, String... columns);

    /** Like {@link #copyRecordsToTable(String, Iterable, String...)} with a publisher of rows. */
    CompletableFuture<CommandStatus> copyRecordsToTable(String table, Flow.Publisher<?> records, String... columns);

    /**
     * Like {@link #copyRecordsToTable(String, Iterable, String...)} with the column list and the
     * {@code WHERE} condition of {@code options} (the data is binary: other options are refused
     * with {@link PgInterfaceException}).
     */
    CompletableFuture<CommandStatus> copyRecordsToTable(String table, Iterable<?> records, CopyOptions options);

    /**
     * Returns a view of this connection whose requests time out after {@code timeout}: the
     * future fails with {@link PgTimeoutException}, a cancel request stops the query on the
     * server, and the connection stays usable. {@code Duration.ZERO} disables the timeout.
     */
    AsyncConnection withTimeout(Duration timeout);

    /**
     * Registers {@code listener} for NOTIFY messages on {@code channel}, issuing {@code LISTEN}
     * for the first listener of a channel. Listeners run on a PgJet worker thread, never on the
     * I/O thread, one notification at a time in arrival order. The channel is taken verbatim
     * (case, quotes and all); an empty name, one with NUL or one over 63 bytes in UTF-8 (which
     * PostgreSQL would truncate) fails with {@link PgInterfaceException}.
     */
    CompletableFuture<Void> addListener(String channel, Consumer<Notification> listener);

    /** Removes a listener; the last one removed for a channel issues {@code UNLISTEN}. */
    CompletableFuture<Void> removeListener(String channel, Consumer<Notification> listener);

    /**
     * Registers {@code listener} for notices and warnings the server sends (e.g. RAISE NOTICE).
     * Runs on a PgJet worker thread, in arrival order.
     */
    void addLogListener(Consumer<Notice> listener);

    /** Removes a log listener registered with {@link #addLogListener}. */
    void removeLogListener(Consumer<Notice> listener);

    /** Registers {@code listener} to run once when the connection closes for any reason. */
    void addTerminationListener(Runnable listener);

    /**
     * Returns a publisher of the notifications on {@code channel}: the first subscriber issues
     * {@code LISTEN}, cancelling the last one issues {@code UNLISTEN}. Each subscriber gets every
     * notification that arrives while it is subscribed, buffered up to 8,192 while it has no
     * demand; beyond that it gets {@code onError} (notifications cannot be held back on the server).
     */
    Flow.Publisher<Notification> notifications(String channel);

    /**
     * Registers {@code logger} to hear about every query, execute and batch of this connection
     * when it finishes (SQL, argument count, duration, rows, error). Runs on a PgJet worker thread.
     */
    void addQueryLogger(Consumer<QueryRecord> logger);

    /** Removes a query logger. */
    void removeQueryLogger(Consumer<QueryRecord> logger);

    /**
     * Returns the session to a clean state, like asyncpg's {@code reset()}: rolls back an open
     * transaction, closes cursors, releases advisory locks, stops listening on every channel,
     * resets settings to their defaults and drops temporary tables. Prepared statements stay.
     */
    CompletableFuture<Void> reset();

    /**
     * Makes this connection encode and decode the type {@code schema.typeName} with a codec of
     * the caller's in PostgreSQL's text format, like asyncpg's {@code set_type_codec(format='text')}.
     * Arrays of the type use it too. Applies to this connection only; cached statements are
     * re-described.
     *
     * @throws PgInterfaceException (in the future) if no such type exists
     */
    <T> CompletableFuture<Void> setTypeCodec(String typeName, String schema, Class<T> javaType,
            io.pgjet.types.TextTypeCodec<T> codec);

    /** Like the text form, with a codec over the type's binary format ({@code format='binary'}). */
    <T> CompletableFuture<Void> setTypeCodec(String typeName, String schema, Class<T> javaType,
            io.pgjet.types.BinaryTypeCodec<T> codec);

    /**
     * Like the text form, with a codec over the type's tuple form ({@code format='tuple'}: e.g. a
     * composite's attributes, a range's bounds) as PgJet decodes it.
     */
    <T> CompletableFuture<Void> setTypeCodec(String typeName, String schema, Class<T> javaType,
            io.pgjet.types.TupleTypeCodec<T> codec);

    /**
     * Forgets every cached prepared statement (closing them on the server) and any cached type
     * information, so the next use re-describes them; call after schema changes made elsewhere.
     */
    CompletableFuture<Void> reloadSchemaState();

    /** Returns whether the session is inside a transaction block (per the last ReadyForQuery). */
    boolean isInTransaction();

    /** Returns whether the connection is closed. */
    boolean isClosed();

    /** Returns the process id of the server backend serving this connection. */
    int getServerPid();

    /** Returns the server version as reported at startup, e.g. {@code 18.1}. */
    String getServerVersion();

    /** Returns the server parameters reported so far (server_version, TimeZone, ...). */
    Map<String, String> getSettings();

    /**
     * Closes gracefully: requests already issued complete, then the session ends. Later requests
     * fail with {@link PgConnectionException}. The future completes when the socket is closed.
     */
    CompletableFuture<Void> closeAsync();

    /** Closes the socket at once; every pending request fails with {@link PgConnectionException}. */
    void terminate();

    /** Closes gracefully and waits for it (see {@link #closeAsync()}). */
    @Override
    void close();
}
