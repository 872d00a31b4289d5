package io.pgjet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

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
     *
     * @param sql the SQL; with no arguments it may hold several statements
     * @param args the values of {@code $1..$n}, in order, sent as bound parameters
     * @return a future of the command status (e.g. {@code INSERT 0 3}); it fails with the
     *     {@link PgException} subclass of the server's SQLSTATE
     */
    CompletableFuture<CommandStatus> execute(String sql, Object... args);

    /**
     * Runs a query and returns all its rows.
     *
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return a future of every row of the result, in server order; an empty list when there are
     *     none
     */
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
     * @return a future of one result per statement; empty for a script with no statement at all
     *     (an empty string, only comments)
     */
    CompletableFuture<List<QueryResult>> executeScript(String sql);

    /**
     * Runs a query and returns its first row, or null when it returned none.
     *
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return a future of the first row, or of null when the query returned no row
     */
    CompletableFuture<Row> fetchRow(String sql, Object... args);

    /**
     * Runs a query and returns the first column of its first row as its default Java type (e.g.
     * {@code Long} for {@code count(*)}), or null when there is no row or the value is NULL.
     * The result type is inferred at the call site: {@code Long n = conn.fetchVal(...)}.
     *
     * @param <T> the Java type the caller expects; a mismatch fails with {@link ClassCastException}
     *     where the value is used
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return a future of the first column of the first row, or of null
     */
    <T> CompletableFuture<T> fetchVal(String sql, Object... args);

    /**
     * Runs a query and maps every row to the record {@code type}; see {@link Row#as(Class)}.
     *
     * @param <R> the record type
     * @param type the record class whose components are filled from the columns, see
     *     {@link Row#as(Class)}
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return a future of one record per row, in server order
     */
    <R extends Record> CompletableFuture<List<R>> fetch(Class<R> type, String sql, Object... args);

    /**
     * Runs a query and maps its first row to the record {@code type}, or returns null.
     *
     * @param <R> the record type
     * @param type the record class whose components are filled from the columns, see
     *     {@link Row#as(Class)}
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return a future of the first row as a record, or of null when there is no row
     */
    <R extends Record> CompletableFuture<R> fetchRow(Class<R> type, String sql, Object... args);

    /**
     * Prepares {@code sql} on the server and returns a statement to execute many times (one round
     * trip each), with its parameter and column types.
     *
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @return a future of the prepared statement, described (parameter and column types known)
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
     *
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param name the server-side statement name, used exactly as given (at most 63 bytes in UTF-8)
     * @return a future of the prepared statement
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
     *
     * @param sql one query, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return a cold publisher: each subscription declares its own cursor
     */
    Flow.Publisher<Row> cursor(String sql, Object... args);

    /**
     * Like {@link #cursor(String, Object...)}, fetching {@code prefetch} rows per round trip.
     *
     * @param prefetch how many rows each {@code FETCH} asks for
     * @param sql one query, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return a cold publisher: each subscription declares its own cursor
     */
    Flow.Publisher<Row> cursor(int prefetch, String sql, Object... args);

    /**
     * Opens a forward-only server-side cursor over {@code sql} (inside a transaction; outside one
     * the future fails with {@link PgInterfaceException}).
     *
     * @param sql one query, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return a future of the open cursor; it lives until closed or until the transaction ends
     */
    CompletableFuture<AsyncCursor> openCursor(String sql, Object... args);

    /**
     * Opens a scrollable cursor ({@code DECLARE ... SCROLL CURSOR}) inside a transaction.
     *
     * @param sql one query, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return a future of the open cursor, which can move backwards and to absolute positions
     */
    CompletableFuture<AsyncCursor> openScrollableCursor(String sql, Object... args);

    /**
     * Begins a transaction with the server's default options; inside another transaction it
     * becomes a savepoint. Statements issued on this connection run in it until it is committed
     * or rolled back.
     *
     * @return a future of the begun transaction (or savepoint, when nested)
     */
    CompletableFuture<AsyncTransaction> transaction();

    /**
     * Begins a transaction with the given isolation, read-only and deferrable options. Nested
     * transactions are savepoints and cannot take options (the future fails with
     * {@link PgInterfaceException}).
     *
     * @param options the isolation level, read-only and deferrable settings for {@code BEGIN}
     * @return a future of the begun transaction
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
     * @param sql one statement, with {@code $1..$n} placeholders (no result rows are kept)
     * @param parameterSets one {@code Object[]} of values per execution, read lazily
     * @return the total number of rows the executions affected
     */
    CompletableFuture<Long> executeMany(String sql, Iterable<Object[]> parameterSets);

    /**
     * Like {@link #executeMany(String, Iterable)} with parameter sets from a publisher, requested
     * in slices as the batch is written (real backpressure; the publisher may be slow). A
     * publisher error abandons the batch: nothing of it is applied.
     *
     * @param sql one statement, with {@code $1..$n} placeholders (no result rows are kept)
     * @param parameterSets a publisher of one {@code Object[]} of values per execution
     * @return a future of the total number of rows the executions affected
     */
    CompletableFuture<Long> executeMany(String sql, Flow.Publisher<Object[]> parameterSets);

    /**
     * Like {@link #executeMany(String, Iterable)} (pipelined, one Sync, all or nothing), also
     * handing each execution's row count to {@code rowCounts}, in parameter-set order, as the
     * server reports it (a command without a row count, such as DDL, counts 0): what JDBC's
     * {@code executeBatch} returns. When the batch fails, {@code rowCounts} has seen the counts
     * of the executions before the one the server rejected. {@code rowCounts} runs on PgJet's
     * I/O thread and must not block; what it records is visible once the future completes.
     * Never rewrites inserts, even with {@link ConnectionConfig#rewriteBatchedInserts()} on: a
     * merged insert has no per-row counts.
     *
     * @param sql the statement, with {@code $1..$n} placeholders
     * @param parameterSets one argument array per execution
     * @param rowCounts receives each execution's row count
     * @return the total number of rows the executions affected
     */
    CompletableFuture<Long> executeMany(String sql, Iterable<Object[]> parameterSets, LongConsumer rowCounts);

    /**
     * Like {@link #executeMany} but returns every row the executions produced, in order, e.g.
     * the ids of {@code insert ... returning id} (asyncpg's {@code fetchmany}).
     *
     * @param sql one statement, with {@code $1..$n} placeholders, that returns rows
     * @param parameterSets one {@code Object[]} of values per execution, read lazily
     * @return a future of every row returned by every execution, in order
     */
    CompletableFuture<List<Row>> fetchMany(String sql, Iterable<Object[]> parameterSets);

    /**
     * Copies a table's contents out ({@code COPY table TO STDOUT}) into {@code sink}.
     *
     * @param table the table, optionally schema-qualified ({@code schema.table}); quoted by PgJet
     * @param sink where the data goes; PgJet calls it on a worker thread
     * @param options format, delimiter, header and column options of the COPY
     * @return the command status, whose row count is the number of rows copied
     */
    CompletableFuture<CommandStatus> copyFromTable(String table, CopySink sink, CopyOptions options);

    /**
     * Copies the result of {@code query} out ({@code COPY (query) TO STDOUT}) into {@code sink}.
     *
     * @param query the query whose result is copied, without a trailing semicolon
     * @param sink where the data goes; PgJet calls it on a worker thread
     * @param options format, delimiter, header and column options of the COPY
     * @return a future of the command status, whose row count is the number of rows copied
     */
    CompletableFuture<CommandStatus> copyFromQuery(String query, CopySink sink, CopyOptions options);

    /**
     * Copies the result of {@code query}, whose parameters {@code $1..$n} take {@code args}, out
     * into {@code sink}. COPY takes no bound parameters, so each argument is first sent bound to
     * its described type and turned into a quoted literal by the server ({@code quote_nullable}),
     * which then replaces its {@code $n} in the COPY's query text: the value reaches the query
     * exactly as a bound one would, at the cost of one round trip.
     *
     * @param query the query whose result is copied, with {@code $1..$n} placeholders
     * @param sink where the data goes; PgJet calls it on a worker thread
     * @param options format, delimiter, header and column options of the COPY
     * @param args the values of {@code $1..$n}, in order
     * @return a future of the command status, whose row count is the number of rows copied
     */
    CompletableFuture<CommandStatus> copyFromQuery(String query, CopySink sink, CopyOptions options, Object... args);

    /**
     * Copies data from {@code source} into a table ({@code COPY table FROM STDIN}). A bad line or a
     * failing source aborts the whole COPY (nothing is loaded) with a clear exception.
     *
     * @param table the table, optionally schema-qualified ({@code schema.table}); quoted by PgJet
     * @param source where the data comes from, in the format {@code options} names
     * @param options format, delimiter, header, column and {@code WHERE} options of the COPY
     * @return a future of the command status, whose row count is the number of rows loaded
     */
    CompletableFuture<CommandStatus> copyToTable(String table, CopySource source, CopyOptions options);

    /**
     * Loads rows into a table with binary COPY, encoding the Java values directly (no text round
     * trip). Each element is an {@code Object[]} or a Java record whose components are the values
     * in column order. The iterable is read on a worker thread as the server takes the data.
     *
     * @param columns the target columns; none means all columns of the table in order
     * @param table the table, optionally schema-qualified ({@code schema.table}); quoted by PgJet
     * @param records the rows, each an {@code Object[]} or a record
     * @return a future of the command status, whose row count is the number of rows loaded
     */
    CompletableFuture<CommandStatus> copyRecordsToTable(String table, Iterable<?> records, String... columns);

    /**
     * Like {@link #copyRecordsToTable(String, Iterable, String...)} with a publisher of rows.
     *
     * @param table the table, optionally schema-qualified ({@code schema.table}); quoted by PgJet
     * @param records a publisher of the rows, each an {@code Object[]} or a record, requested as
     *     the server takes them
     * @param columns the target columns; none means all columns of the table in order
     * @return a future of the command status, whose row count is the number of rows loaded
     */
    CompletableFuture<CommandStatus> copyRecordsToTable(String table, Flow.Publisher<?> records, String... columns);

    /**
     * Like {@link #copyRecordsToTable(String, Iterable, String...)} with the column list and the
     * {@code WHERE} condition of {@code options} (the data is binary: other options are refused
     * with {@link PgInterfaceException}).
     *
     * @param table the table, optionally schema-qualified ({@code schema.table}); quoted by PgJet
     * @param records the rows, each an {@code Object[]} or a record
     * @param options the column list and {@code WHERE} condition; other options are refused
     * @return a future of the command status, whose row count is the number of rows loaded
     */
    CompletableFuture<CommandStatus> copyRecordsToTable(String table, Iterable<?> records, CopyOptions options);

    /**
     * Returns a view of this connection whose requests time out after {@code timeout}: the
     * future fails with {@link PgTimeoutException}, a cancel request stops the query on the
     * server, and the connection stays usable. {@code Duration.ZERO} disables the timeout.
     *
     * @param timeout the time each request may take; {@code Duration.ZERO} for none
     * @return a view of this same connection and session with the new timeout
     */
    AsyncConnection withTimeout(Duration timeout);

    /**
     * Registers {@code listener} for NOTIFY messages on {@code channel}, issuing {@code LISTEN}
     * for the first listener of a channel. Listeners run on a PgJet worker thread, never on the
     * I/O thread, one notification at a time in arrival order. The channel is taken verbatim
     * (case, quotes and all); an empty name, one with NUL or one over 63 bytes in UTF-8 (which
     * PostgreSQL would truncate) fails with {@link PgInterfaceException}.
     *
     * @param channel the channel name, used exactly as given (quoted by PgJet in {@code LISTEN})
     * @param listener called with each notification on the channel
     * @return a future that completes once the server is listening on the channel
     */
    CompletableFuture<Void> addListener(String channel, Consumer<Notification> listener);

    /**
     * Removes a listener; the last one removed for a channel issues {@code UNLISTEN}.
     *
     * @param channel the channel the listener was registered for
     * @param listener the listener to remove, as passed to {@link #addListener}
     * @return a future that completes once the listener is removed (and {@code UNLISTEN} done, if
     *     it was the last)
     */
    CompletableFuture<Void> removeListener(String channel, Consumer<Notification> listener);

    /**
     * Registers {@code listener} for notices and warnings the server sends (e.g. RAISE NOTICE).
     * Runs on a PgJet worker thread, in arrival order.
     *
     * @param listener called with each notice or warning the server sends on this connection
     */
    void addLogListener(Consumer<Notice> listener);

    /**
     * Removes a log listener registered with {@link #addLogListener}.
     *
     * @param listener the listener to remove
     */
    void removeLogListener(Consumer<Notice> listener);

    /**
     * Registers {@code listener} to run once when the connection closes for any reason.
     *
     * @param listener called once after the connection has closed
     */
    void addTerminationListener(Runnable listener);

    /**
     * Returns a publisher of the notifications on {@code channel}: the first subscriber issues
     * {@code LISTEN}, cancelling the last one issues {@code UNLISTEN}. Each subscriber gets every
     * notification that arrives while it is subscribed, buffered up to 8,192 while it has no
     * demand; beyond that it gets {@code onError} (notifications cannot be held back on the server).
     *
     * @param channel the channel name, used exactly as given
     * @return a cold publisher of the channel's notifications
     */
    Flow.Publisher<Notification> notifications(String channel);

    /**
     * Registers {@code logger} to hear about every query, execute and batch of this connection
     * when it finishes (SQL, argument count, duration, rows, error). Runs on a PgJet worker thread.
     *
     * @param logger called with one record per finished request
     */
    void addQueryLogger(Consumer<QueryRecord> logger);

    /**
     * Removes a query logger.
     *
     * @param logger the logger to remove, as passed to {@link #addQueryLogger}
     */
    void removeQueryLogger(Consumer<QueryRecord> logger);

    /**
     * Returns the session to a clean state, like asyncpg's {@code reset()}: rolls back an open
     * transaction, closes cursors, releases advisory locks, stops listening on every channel,
     * resets settings to their defaults and drops temporary tables. Prepared statements stay.
     *
     * @return a future that completes when the session is clean
     */
    CompletableFuture<Void> reset();

    /**
     * Makes this connection encode and decode the type {@code schema.typeName} with a codec of
     * the caller's in PostgreSQL's text format, like asyncpg's {@code set_type_codec(format='text')}.
     * Arrays of the type use it too. Applies to this connection only; cached statements are
     * re-described.
     *
     * @param <T> the Java type of the values
     * @param typeName the PostgreSQL type's name, unquoted (e.g. {@code hstore})
     * @param schema the type's schema (e.g. {@code public})
     * @param javaType the Java class values of the type decode to and encode from
     * @param codec converts between the Java value and the type's text form
     * @return a future that completes once the type is looked up and the codec installed
     * @throws PgInterfaceException (in the future) if no such type exists
     */
    <T> CompletableFuture<Void> setTypeCodec(String typeName, String schema, Class<T> javaType,
            io.pgjet.types.TextTypeCodec<T> codec);

    /**
     * Like the text form, with a codec over the type's binary format ({@code format='binary'}).
     *
     * @param <T> the Java type of the values
     * @param typeName the PostgreSQL type's name, unquoted
     * @param schema the type's schema (e.g. {@code public})
     * @param javaType the Java class values of the type decode to and encode from
     * @param codec converts between the Java value and the type's binary send/receive form
     * @return a future that completes once the type is looked up and the codec installed
     */
    <T> CompletableFuture<Void> setTypeCodec(String typeName, String schema, Class<T> javaType,
            io.pgjet.types.BinaryTypeCodec<T> codec);

    /**
     * Like the text form, with a codec over the type's tuple form ({@code format='tuple'}: e.g. a
     * composite's attributes, a range's bounds) as PgJet decodes it.
     *
     * @param <T> the Java type of the values
     * @param typeName the PostgreSQL type's name, unquoted
     * @param schema the type's schema (e.g. {@code public})
     * @param javaType the Java class values of the type decode to and encode from
     * @param codec converts between the Java value and the type's decoded tuple of parts
     * @return a future that completes once the type is looked up and the codec installed
     */
    <T> CompletableFuture<Void> setTypeCodec(String typeName, String schema, Class<T> javaType,
            io.pgjet.types.TupleTypeCodec<T> codec);

    /**
     * Forgets every cached prepared statement (closing them on the server) and any cached type
     * information, so the next use re-describes them; call after schema changes made elsewhere.
     *
     * @return a future that completes once the caches are cleared and the statements closed
     */
    CompletableFuture<Void> reloadSchemaState();

    /**
     * Returns whether the session is inside a transaction block (per the last ReadyForQuery).
     *
     * @return true between {@code BEGIN} and the end of the transaction, also when it has failed
     */
    boolean isInTransaction();

    /**
     * Returns whether the connection is closed.
     *
     * @return true once the connection was closed, by either side or by a failure
     */
    boolean isClosed();

    /**
     * Returns the process id of the server backend serving this connection.
     *
     * @return the backend's process id, as in {@code pg_stat_activity.pid}
     */
    int getServerPid();

    /**
     * Returns the server version as reported at startup, e.g. {@code 18.1}.
     *
     * @return the {@code server_version} parameter
     */
    String getServerVersion();

    /**
     * Returns the server parameters reported so far (server_version, TimeZone, ...).
     *
     * @return the parameter names and their values, as last reported by ParameterStatus
     */
    Map<String, String> getSettings();

    /**
     * Closes gracefully: requests already issued complete, then the session ends. Later requests
     * fail with {@link PgConnectionException}. The future completes when the socket is closed.
     *
     * @return a future that completes when the socket is closed
     */
    CompletableFuture<Void> closeAsync();

    /** Closes the socket at once; every pending request fails with {@link PgConnectionException}. */
    void terminate();

    /** Closes gracefully and waits for it (see {@link #closeAsync()}). */
    @Override
    void close();
}
