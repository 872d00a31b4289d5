package io.pgjet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A blocking connection to PostgreSQL: the same verbs as {@link AsyncConnection}, each waiting
 * for its result. It is a thin wrapper over the asynchronous connection (one engine), and never
 * holds a monitor while it waits, so it is cheap on virtual threads.
 *
 * <p>Thread-safe; concurrent calls from several threads are pipelined. If the waiting thread is
 * interrupted, the request is cancelled on the server and {@link PgInterfaceException} is thrown
 * with the interrupt flag set again. Errors are thrown as the same {@link PgJetException}
 * subclasses the asynchronous API fails with.
 */
public interface Connection extends AutoCloseable {

    /**
     * Runs a statement and returns its status; see {@link AsyncConnection#execute}.
     *
     * @param sql the SQL; with no arguments it may hold several statements
     * @param args the values of {@code $1..$n}, in order, sent as bound parameters
     * @return the command status (e.g. {@code INSERT 0 3}) of the last statement
     */
    CommandStatus execute(String sql, Object... args);

    /**
     * Runs a query and returns all its rows.
     *
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return every row of the result, in server order; an empty list when there are none
     */
    List<Row> fetch(String sql, Object... args);

    /**
     * Runs one statement and returns its rows and its command status together; see
     * {@link AsyncConnection#fetchResult}.
     *
     * @param sql one SQL statement, with {@code $1}, {@code $2}... placeholders
     * @param args the parameter values
     * @return the rows and the status
     */
    QueryResult fetchResult(String sql, Object... args);

    /**
     * Runs a script of statements through the simple query protocol and returns one result per
     * statement; see {@link AsyncConnection#executeScript}.
     *
     * @param sql the script
     * @return one result per statement, in order
     */
    List<QueryResult> executeScript(String sql);

    /**
     * Runs a query and returns its first row, or null when it returned none.
     *
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return the first row, or null when the query returned no row
     */
    Row fetchRow(String sql, Object... args);

    /**
     * Returns the first column of the first row; see {@link AsyncConnection#fetchVal}.
     *
     * @param <T> the Java type the caller expects; a mismatch fails with {@link ClassCastException}
     *     where the value is used
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return the first column of the first row as its default Java type, or null
     */
    <T> T fetchVal(String sql, Object... args);

    /**
     * Runs a query and maps every row to the record {@code type}.
     *
     * @param <R> the record type
     * @param type the record class whose components are filled from the columns, see
     *     {@link Row#as(Class)}
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return one record per row, in server order
     */
    <R extends Record> List<R> fetch(Class<R> type, String sql, Object... args);

    /**
     * Runs a query and maps its first row to the record {@code type}, or returns null.
     *
     * @param <R> the record type
     * @param type the record class whose components are filled from the columns, see
     *     {@link Row#as(Class)}
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return the first row as a record, or null when there is no row
     */
    <R extends Record> R fetchRow(Class<R> type, String sql, Object... args);

    /**
     * Prepares {@code sql}; see {@link AsyncConnection#prepare}.
     *
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @return the prepared statement, described (parameter and column types known)
     */
    PreparedStatement prepare(String sql);

    /**
     * Prepares {@code sql} under the server-side name {@code name}; see
     *  {@link AsyncConnection#prepare(String, String)}.
     *
     * @param sql one SQL statement, with {@code $1..$n} placeholders
     * @param name the server-side statement name, used exactly as given (at most 63 bytes in UTF-8)
     * @return the prepared statement; closing it deallocates the name
     */
    PreparedStatement prepare(String sql, String name);

    /**
     * Returns the rows of {@code sql} as a lazy stream that reads them as they arrive, without a
     * transaction or a server-side cursor (see {@link AsyncConnection#stream} for the protocol
     * and the memory bound). Rows are read only as the stream is consumed: on the default
     * transport the consuming thread reads the socket itself when it needs more rows.
     *
     * <p>Close the stream (try-with-resources) when not reading it to the end: closing early
     * cancels the statement on the server, discards what is on its way and returns once the
     * connection is usable again. A server error part-way is thrown, as the {@link PgException}
     * of its SQLSTATE, by the stream operation that reaches it, after the rows before it. While
     * the stream is open (not read to its end nor closed), other calls on this connection fail
     * with {@link PgInterfaceException} instead of waiting behind rows nobody reads. Not
     * thread-safe, like any sequential stream.
     *
     * @param sql one statement, with {@code $1..$n} parameters
     * @param args the parameter values
     * @return the rows, read lazily
     */
    Stream<Row> stream(String sql, Object... args);

    /**
     * Returns the rows of {@code sql} as a lazy stream read through a server-side cursor, 50 rows
     * per round trip (inside a transaction). Close the stream (try-with-resources) to close the
     * cursor early.
     *
     * @param sql one query, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return a lazy stream of the rows; close it (try-with-resources) to close the cursor early
     */
    Stream<Row> cursor(String sql, Object... args);

    /**
     * Opens a forward-only cursor inside a transaction; see {@link AsyncConnection#openCursor}.
     *
     * @param sql one query, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return the open cursor; it lives until closed or until the transaction ends
     */
    Cursor openCursor(String sql, Object... args);

    /**
     * Opens a scrollable cursor inside a transaction.
     *
     * @param sql one query, with {@code $1..$n} placeholders
     * @param args the values of {@code $1..$n}, in order
     * @return the open cursor, which can move backwards and to absolute positions
     */
    Cursor openScrollableCursor(String sql, Object... args);

    /**
     * Begins a transaction (a savepoint when nested), for try-with-resources: the block rolls
     * back unless {@link Transaction#commit()} was called.
     *
     * @return the begun transaction (or savepoint, when nested); use it in try-with-resources
     */
    Transaction transaction();

    /**
     * Begins a transaction with the given isolation level; see {@link #transaction()}.
     *
     * @param isolation the isolation level written into {@code BEGIN}
     * @return the begun transaction
     */
    Transaction transaction(Isolation isolation);

    /**
     * Begins a transaction with the given options; see
     *  {@link AsyncConnection#transaction(TransactionOptions)}.
     *
     * @param options the isolation level, read-only and deferrable settings for {@code BEGIN}
     * @return the begun transaction
     */
    Transaction transaction(TransactionOptions options);

    /**
     * Executes {@code sql} once per parameter set in one pipelined, all-or-nothing batch; see
     * {@link AsyncConnection#executeMany}.
     *
     * @param sql one statement, with {@code $1..$n} placeholders (no result rows are kept)
     * @param parameterSets one {@code Object[]} of values per execution, read lazily
     * @return the total number of rows the executions affected
     */
    long executeMany(String sql, Iterable<Object[]> parameterSets);

    /**
     * Executes {@code sql} once per parameter set as {@link #executeMany(String, Iterable)} does,
     * handing each execution's row count to {@code rowCounts}; see
     * {@link AsyncConnection#executeMany(String, Iterable, LongConsumer)}.
     *
     * @param sql the statement, with {@code $1..$n} placeholders
     * @param parameterSets one argument array per execution
     * @param rowCounts receives each execution's row count, in order (on PgJet's I/O thread)
     * @return the total number of rows the executions affected
     */
    long executeMany(String sql, Iterable<Object[]> parameterSets, java.util.function.LongConsumer rowCounts);

    /**
     * Executes {@code sql} once per parameter set and returns every row produced.
     *
     * @param sql one statement, with {@code $1..$n} placeholders, that returns rows
     * @param parameterSets one {@code Object[]} of values per execution, read lazily
     * @return every row returned by every execution, in order
     */
    List<Row> fetchMany(String sql, Iterable<Object[]> parameterSets);

    /**
     * Copies a table out into {@code sink}; see {@link AsyncConnection#copyFromTable}.
     *
     * @param table the table, optionally schema-qualified ({@code schema.table}); quoted by PgJet
     * @param sink where the data goes; PgJet calls it on a worker thread
     * @param options format, delimiter, header and column options of the COPY
     * @return the command status, whose row count is the number of rows copied
     */
    CommandStatus copyFromTable(String table, CopySink sink, CopyOptions options);

    /**
     * Copies a query's result out into {@code sink}; see {@link AsyncConnection#copyFromQuery}.
     *
     * @param query the query whose result is copied, without a trailing semicolon
     * @param sink where the data goes; PgJet calls it on a worker thread
     * @param options format, delimiter, header and column options of the COPY
     * @return the command status, whose row count is the number of rows copied
     */
    CommandStatus copyFromQuery(String query, CopySink sink, CopyOptions options);

    /**
     * Copies a query's result out with bound arguments; see
     *  {@link AsyncConnection#copyFromQuery(String, CopySink, CopyOptions, Object...)}.
     *
     * @param query the query whose result is copied, with {@code $1..$n} placeholders
     * @param sink where the data goes; PgJet calls it on a worker thread
     * @param options format, delimiter, header and column options of the COPY
     * @param args the values of {@code $1..$n}, in order
     * @return the command status, whose row count is the number of rows copied
     */
    CommandStatus copyFromQuery(String query, CopySink sink, CopyOptions options, Object... args);

    /**
     * Copies {@code source} into a table; see {@link AsyncConnection#copyToTable}.
     *
     * @param table the table, optionally schema-qualified ({@code schema.table}); quoted by PgJet
     * @param source where the data comes from, in the format {@code options} names
     * @param options format, delimiter, header, column and {@code WHERE} options of the COPY
     * @return the command status, whose row count is the number of rows loaded
     */
    CommandStatus copyToTable(String table, CopySource source, CopyOptions options);

    /**
     * Loads rows with binary COPY; see
     *  {@link AsyncConnection#copyRecordsToTable(String, Iterable, String...)}.
     *
     * @param table the table, optionally schema-qualified ({@code schema.table}); quoted by PgJet
     * @param records the rows, each an {@code Object[]} or a record
     * @param columns the target columns; none means all columns of the table in order
     * @return the command status, whose row count is the number of rows loaded
     */
    CommandStatus copyRecordsToTable(String table, Iterable<?> records, String... columns);

    /**
     * Loads rows with binary COPY, with columns and WHERE from {@code options}; see
     *  {@link AsyncConnection#copyRecordsToTable(String, Iterable, CopyOptions)}.
     *
     * @param table the table, optionally schema-qualified ({@code schema.table}); quoted by PgJet
     * @param records the rows, each an {@code Object[]} or a record
     * @param options the column list and {@code WHERE} condition; other options are refused
     * @return the command status, whose row count is the number of rows loaded
     */
    CommandStatus copyRecordsToTable(String table, Iterable<?> records, CopyOptions options);

    /**
     * Returns a view of this connection whose requests time out after {@code timeout}.
     *
     * @param timeout the time each request may take; {@code Duration.ZERO} for none
     * @return a view of this same connection and session with the new timeout
     */
    Connection withTimeout(Duration timeout);

    /**
     * Registers a NOTIFY listener on {@code channel}; see {@link AsyncConnection#addListener}.
     *
     * @param channel the channel name, used exactly as given (quoted by PgJet in {@code LISTEN})
     * @param listener called on a PgJet worker thread with each notification on the channel
     */
    void addListener(String channel, Consumer<Notification> listener);

    /**
     * Removes a NOTIFY listener; see {@link AsyncConnection#removeListener}.
     *
     * @param channel the channel the listener was registered for
     * @param listener the listener to remove, as passed to {@link #addListener}
     */
    void removeListener(String channel, Consumer<Notification> listener);

    /**
     * Registers a listener for server notices; see {@link AsyncConnection#addLogListener}.
     *
     * @param listener called with each notice or warning the server sends on this connection
     */
    void addLogListener(Consumer<Notice> listener);

    /**
     * Removes a log listener.
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
     * Registers a query logger; see {@link AsyncConnection#addQueryLogger}.
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

    /** Returns the session to a clean state; see {@link AsyncConnection#reset()}. */
    void reset();

    /**
     * Installs a text-format codec for a type; see
     *  {@link AsyncConnection#setTypeCodec(String, String, Class, io.pgjet.types.TextTypeCodec)}.
     *
     * @param <T> the Java type of the values
     * @param typeName the PostgreSQL type's name, unquoted (e.g. {@code hstore})
     * @param schema the type's schema (e.g. {@code public})
     * @param javaType the Java class values of the type decode to and encode from
     * @param codec converts between the Java value and the type's text form
     */
    <T> void setTypeCodec(String typeName, String schema, Class<T> javaType, io.pgjet.types.TextTypeCodec<T> codec);

    /**
     * Installs a binary-format codec for a type.
     *
     * @param <T> the Java type of the values
     * @param typeName the PostgreSQL type's name, unquoted
     * @param schema the type's schema (e.g. {@code public})
     * @param javaType the Java class values of the type decode to and encode from
     * @param codec converts between the Java value and the type's binary send/receive form
     */
    <T> void setTypeCodec(String typeName, String schema, Class<T> javaType, io.pgjet.types.BinaryTypeCodec<T> codec);

    /**
     * Installs a tuple-format codec for a type.
     *
     * @param <T> the Java type of the values
     * @param typeName the PostgreSQL type's name, unquoted
     * @param schema the type's schema (e.g. {@code public})
     * @param javaType the Java class values of the type decode to and encode from
     * @param codec converts between the Java value and the type's decoded tuple of parts
     */
    <T> void setTypeCodec(String typeName, String schema, Class<T> javaType, io.pgjet.types.TupleTypeCodec<T> codec);

    /** Forgets cached statements and types; see {@link AsyncConnection#reloadSchemaState()}. */
    void reloadSchemaState();

    /**
     * Returns whether the session is inside a transaction block.
     *
     * @return true while a transaction block is open, also when it has failed
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
     * Returns the server version as reported at startup.
     *
     * @return the {@code server_version} parameter, e.g. {@code 18.1}
     */
    String getServerVersion();

    /**
     * Returns the server parameters reported so far.
     *
     * @return the parameter names and their values, as last reported by ParameterStatus
     */
    Map<String, String> getSettings();

    /**
     * Returns the asynchronous connection this facade wraps.
     *
     * @return the asynchronous view of the same connection and session
     */
    AsyncConnection async();

    /** Closes the socket at once; pending requests fail with {@link PgConnectionException}. */
    void terminate();

    /** Closes gracefully: pending requests complete, then the session ends. */
    @Override
    void close();
}
