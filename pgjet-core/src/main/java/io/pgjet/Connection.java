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

    /** Runs a statement and returns its status; see {@link AsyncConnection#execute}. */
    CommandStatus execute(String sql, Object... args);

    /** Runs a query and returns all its rows. */
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

    /** Runs a query and returns its first row, or null when it returned none. */
    Row fetchRow(String sql, Object... args);

    /** Returns the first column of the first row; see {@link AsyncConnection#fetchVal}. */
    <T> T fetchVal(String sql, Object... args);

    /** Runs a query and maps every row to the record {@code type}. */
    <R extends Record> List<R> fetch(Class<R> type, String sql, Object... args);

    /** Runs a query and maps its first row to the record {@code type}, or returns null. */
    <R extends Record> R fetchRow(Class<R> type, String sql, Object... args);

    /** Prepares {@code sql}; see {@link AsyncConnection#prepare}. */
    PreparedStatement prepare(String sql);

    /** Prepares {@code sql} under the server-side name {@code name}; see {@link AsyncConnection#prepare(String, String)}. */
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
     */
    Stream<Row> cursor(String sql, Object... args);

    /** Opens a forward-only cursor inside a transaction; see {@link AsyncConnection#openCursor}. */
    Cursor openCursor(String sql, Object... args);

    /** Opens a scrollable cursor inside a transaction. */
    Cursor openScrollableCursor(String sql, Object... args);

    /**
     * Begins a transaction (a savepoint when nested), for try-with-resources: the block rolls
     * back unless {@link Transaction#commit()} was called.
     */
    Transaction transaction();

    /** Begins a transaction with the given isolation level; see {@link #transaction()}. */
    Transaction transaction(Isolation isolation);

    /** Begins a transaction with the given options; see {@link AsyncConnection#transaction(TransactionOptions)}. */
    Transaction transaction(TransactionOptions options);

    /**
     * Executes {@code sql} once per parameter set in one pipelined, all-or-nothing batch; see
     * {@link AsyncConnection#executeMany}.
     *
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

    /** Executes {@code sql} once per parameter set and returns every row produced. */
    List<Row> fetchMany(String sql, Iterable<Object[]> parameterSets);

    /** Copies a table out into {@code sink}; see {@link AsyncConnection#copyFromTable}. */
    CommandStatus copyFromTable(String table, CopySink sink, CopyOptions options);

    /** Copies a query's result out into {@code sink}; see {@link AsyncConnection#copyFromQuery}. */
    CommandStatus copyFromQuery(String query, CopySink sink, CopyOptions options);

    /** Copies a query's result out with bound arguments; see {@link AsyncConnection#copyFromQuery(String, CopySink, CopyOptions, Object...)}. */
    CommandStatus copyFromQuery(String query, CopySink sink, CopyOptions options, Object... args);

    /** Copies {@code source} into a table; see {@link AsyncConnection#copyToTable}. */
    CommandStatus copyToTable(String table, CopySource source, CopyOptions options);

    /** Loads rows with binary COPY; see {@link AsyncConnection#copyRecordsToTable(String, Iterable, String...)}. */
    CommandStatus copyRecordsToTable(String table, Iterable<?> records, String... columns);

    /** Loads rows with binary COPY, with columns and WHERE from {@code options}; see {@link AsyncConnection#copyRecordsToTable(String, Iterable, CopyOptions)}. */
    CommandStatus copyRecordsToTable(String table, Iterable<?> records, CopyOptions options);

    /** Returns a view of this connection whose requests time out after {@code timeout}. */
    Connection withTimeout(Duration timeout);

    /** Registers a NOTIFY listener on {@code channel}; see {@link AsyncConnection#addListener}. */
    void addListener(String channel, Consumer<Notification> listener);

    /** Removes a NOTIFY listener; see {@link AsyncConnection#removeListener}. */
    void removeListener(String channel, Consumer<Notification> listener);

    /** Registers a listener for server notices; see {@link AsyncConnection#addLogListener}. */
    void addLogListener(Consumer<Notice> listener);

    /** Removes a log listener. */
    void removeLogListener(Consumer<Notice> listener);

    /** Registers {@code listener} to run once when the connection closes for any reason. */
    void addTerminationListener(Runnable listener);

    /** Registers a query logger; see {@link AsyncConnection#addQueryLogger}. */
    void addQueryLogger(Consumer<QueryRecord> logger);

    /** Removes a query logger. */
    void removeQueryLogger(Consumer<QueryRecord> logger);

    /** Returns the session to a clean state; see {@link AsyncConnection#reset()}. */
    void reset();

    /** Installs a text-format codec for a type; see {@link AsyncConnection#setTypeCodec(String, String, Class, io.pgjet.types.TextTypeCodec)}. */
    <T> void setTypeCodec(String typeName, String schema, Class<T> javaType, io.pgjet.types.TextTypeCodec<T> codec);

    /** Installs a binary-format codec for a type. */
    <T> void setTypeCodec(String typeName, String schema, Class<T> javaType, io.pgjet.types.BinaryTypeCodec<T> codec);

    /** Installs a tuple-format codec for a type. */
    <T> void setTypeCodec(String typeName, String schema, Class<T> javaType, io.pgjet.types.TupleTypeCodec<T> codec);

    /** Forgets cached statements and types; see {@link AsyncConnection#reloadSchemaState()}. */
    void reloadSchemaState();

    /** Returns whether the session is inside a transaction block. */
    boolean isInTransaction();

    /** Returns whether the connection is closed. */
    boolean isClosed();

    /** Returns the process id of the server backend serving this connection. */
    int getServerPid();

    /** Returns the server version as reported at startup. */
    String getServerVersion();

    /** Returns the server parameters reported so far. */
    Map<String, String> getSettings();

    /** Returns the asynchronous connection this facade wraps. */
    AsyncConnection async();

    /** Closes the socket at once; pending requests fail with {@link PgConnectionException}. */
    void terminate();

    /** Closes gracefully: pending requests complete, then the session ends. */
    @Override
    void close();
}
