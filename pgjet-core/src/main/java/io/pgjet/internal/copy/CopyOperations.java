package io.pgjet.internal.copy;

import io.pgjet.CommandStatus;
import io.pgjet.CopyOptions;
import io.pgjet.CopySink;
import io.pgjet.CopySource;
import io.pgjet.PgInterfaceException;
import io.pgjet.internal.blocking.Futures;
import io.pgjet.internal.conn.RealConnection;
import io.pgjet.internal.engine.CommandFuture;
import io.pgjet.internal.net.NettyRuntime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * The COPY verbs of {@link RealConnection}: {@code copyFromTable}, {@code copyFromQuery},
 * {@code copyToTable} and {@code copyRecordsToTable}.
 *
 * <p>Threading: sinks, sources and record iterables run on PgJet's worker threads, never on the
 * I/O thread. Every returned future can be cancelled, which cancels the COPY on the server.
 * Argument errors (a bad table name, options that do not fit together) fail the future with
 * {@link PgInterfaceException} before anything is sent. A COPY that fails mid-stream leaves the
 * connection usable: a failing source or row aborts it with CopyFail (the server loads nothing),
 * a failing sink makes PgJet discard the rest of the data.
 */
public final class CopyOperations {
    private CopyOperations() {
    }

    private static Executor worker() {
        return NettyRuntime.shared().blockingWork();
    }

    /**
     * Copies a table out ({@code COPY table TO STDOUT}) into {@code sink}; see
     * {@link CopyOutPump} for the backpressure and failure rules.
     *
     * @param conn    the connection
     * @param table   the table, optionally schema-qualified; see {@link CopyStatement}
     * @param sink    where the data goes
     * @param options format and options; null means {@link CopyOptions#defaults()}
     * @return completes with the COPY's status (row count) after {@code sink.finish()} ran
     */
    public static CompletableFuture<CommandStatus> copyFromTable(RealConnection conn, String table, CopySink sink,
            CopyOptions options) {
        return copyOut(conn, sink, () -> CopyStatement.copyTableOut(table, orDefaults(options)));
    }

    /**
     * Copies the result of {@code query} out ({@code COPY (query) TO STDOUT}) into {@code sink}.
     *
     * @param conn    the connection
     * @param query   the query; trailing semicolons are ignored
     * @param sink    where the data goes
     * @param options format and options (no column list); null means defaults
     * @return completes with the COPY's status (row count) after {@code sink.finish()} ran
     */
    public static CompletableFuture<CommandStatus> copyFromQuery(RealConnection conn, String query, CopySink sink,
            CopyOptions options) {
        return copyOut(conn, sink, () -> CopyStatement.copyQueryOut(query, orDefaults(options)));
    }

    /**
     * Copies the result of {@code query} with {@code args} for its parameters out into
     * {@code sink}; the arguments are put into the query as literals made by the server (see
     * {@link QueryArguments}).
     *
     * @param conn    the connection
     * @param query   the query with parameters {@code $1..$n}; trailing semicolons are ignored
     * @param sink    where the data goes
     * @param options format and options (no column list); null means defaults
     * @param args    the parameters' values; none runs the query as {@link #copyFromQuery} does
     * @return completes with the COPY's status (row count) after {@code sink.finish()} ran
     */
    public static CompletableFuture<CommandStatus> copyFromQuery(RealConnection conn, String query, CopySink sink,
            CopyOptions options, Object... args) {
        if (args == null || args.length == 0) {
            return copyFromQuery(conn, query, sink, options);
        }
        try {
            requireSink(sink);
            CopyStatement.copyQueryOut(query, orDefaults(options)); // checks the arguments before any round trip
        } catch (PgInterfaceException e) {
            return CompletableFuture.failedFuture(e);
        }
        CommandFuture<CommandStatus> outcome = new CommandFuture<>();
        CompletableFuture<String> inlined = QueryArguments.inline(conn, query, args);
        outcome.onCancel(() -> inlined.cancel(true));
        inlined.whenComplete((sql, error) -> {
            if (error != null) {
                outcome.completeExceptionally(Futures.unwrap(error));
                return;
            }
            if (outcome.isDone()) {
                return; // cancelled meanwhile
            }
            CompletableFuture<CommandStatus> copy = copyOut(conn, sink,
                    () -> CopyStatement.copyQueryOut(sql, orDefaults(options)));
            outcome.onCancel(() -> copy.cancel(true));
            if (outcome.isCancelled()) {
                copy.cancel(true);
            }
            copy.whenComplete((status, failure) -> {
                if (failure != null) {
                    outcome.completeExceptionally(Futures.unwrap(failure));
                } else {
                    outcome.complete(status);
                }
            });
        });
        return outcome;
    }

    /** Runs a COPY ... TO STDOUT into {@code sink}; bad arguments fail the future, never throw. */
    private static CompletableFuture<CommandStatus> copyOut(RealConnection conn, CopySink sink,
            Supplier<String> statement) {
        String sql;
        try {
            requireSink(sink);
            sql = statement.get();
        } catch (PgInterfaceException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CopyOutPump.run(conn, sql, sink, worker());
    }

    /**
     * Copies {@code source} into a table ({@code COPY table FROM STDIN}). The source is read on a
     * worker thread as fast as the socket drains and closed exactly once, whatever happens (also
     * when the arguments are rejected).
     *
     * @param conn    the connection
     * @param table   the table, optionally schema-qualified; see {@link CopyStatement}
     * @param source  the data
     * @param options format and options; null means defaults
     * @return completes with the COPY's status (row count); fails with the server's error for bad
     *     data, or with a {@link PgInterfaceException} whose cause is the source's error when the
     *     source failed (the server's "COPY from stdin failed" is attached as suppressed)
     */
    public static CompletableFuture<CommandStatus> copyToTable(RealConnection conn, String table, CopySource source,
            CopyOptions options) {
        if (source == null) {
            return CompletableFuture.failedFuture(new PgInterfaceException("the COPY source must not be null"));
        }
        String sql;
        try {
            sql = CopyStatement.copyTableIn(table, orDefaults(options));
        } catch (PgInterfaceException e) {
            try {
                source.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            return CompletableFuture.failedFuture(e);
        }
        return copyIn(conn, sql, new SourceChunks(source));
    }

    /**
     * Loads rows into a table with binary COPY: looks up the columns' types, then encodes each
     * row's Java values with the type codecs while the server takes the data.
     *
     * @param conn    the connection
     * @param table   the table, optionally schema-qualified; see {@link CopyStatement}
     * @param records the rows: each an {@code Object[]} or a Java record, values in column order
     * @param columns the columns to fill, or none for all (generated columns excluded)
     * @return completes with the COPY's status (row count); a row that cannot be encoded fails it
     *     with a {@link PgInterfaceException} naming the row, and nothing is loaded
     */
    public static CompletableFuture<CommandStatus> copyRecordsToTable(RealConnection conn, String table,
            Iterable<?> records, String... columns) {
        if (records == null) {
            return CompletableFuture.failedFuture(new PgInterfaceException("the records must not be null"));
        }
        return copyRecords(conn, table, columns, target -> BinaryCopyChunks.of(table, target, records));
    }

    /**
     * Like {@link #copyRecordsToTable(RealConnection, String, Iterable, String...)} with rows from
     * a publisher, subscribed once the server is ready for data and read with backpressure
     * (rows are requested in batches as they are encoded and sent).
     *
     * @param conn    the connection
     * @param table   the table, optionally schema-qualified
     * @param records the publisher of rows; its {@code onError} aborts the COPY
     * @param columns the columns to fill, or none for all
     * @return completes with the COPY's status (row count)
     */
    public static CompletableFuture<CommandStatus> copyRecordsToTable(RealConnection conn, String table,
            Flow.Publisher<?> records, String... columns) {
        if (records == null) {
            return CompletableFuture.failedFuture(new PgInterfaceException("the publisher must not be null"));
        }
        return copyRecords(conn, table, columns, target -> BinaryCopyChunks.of(table, target, records));
    }

    /**
     * Like {@link #copyRecordsToTable(RealConnection, String, Iterable, String...)} with the
     * column list and {@code WHERE} condition of {@code options}; any other option is refused,
     * since the data is binary.
     *
     * @param conn    the connection
     * @param table   the table, optionally schema-qualified
     * @param records the rows
     * @param options the columns and the condition; null means all columns, every row
     * @return completes with the COPY's status (row count of the rows loaded)
     */
    public static CompletableFuture<CommandStatus> copyRecordsToTable(RealConnection conn, String table,
            Iterable<?> records, CopyOptions options) {
        if (records == null) {
            return CompletableFuture.failedFuture(new PgInterfaceException("the records must not be null"));
        }
        CopyOptions o = orDefaults(options);
        boolean onlyColumnsAndWhere = (o.format() == CopyOptions.Format.TEXT || o.format() == CopyOptions.Format.BINARY)
                && o.delimiter() == null && o.nullString() == null && o.header() == null && o.quote() == null
                && o.escape() == null && (o.forceQuote() == null || o.forceQuote().isEmpty()) && !o.forceQuoteAll()
                && o.forceNotNull().isEmpty() && o.forceNull().isEmpty() && o.encoding() == null;
        if (!onlyColumnsAndWhere) {
            return CompletableFuture.failedFuture(new PgInterfaceException("copyRecordsToTable sends binary COPY data:"
                    + " only the columns and the WHERE condition of the options apply"));
        }
        return copyRecords(conn, table, o.columns().toArray(new String[0]), o.where(),
                target -> BinaryCopyChunks.of(table, target, records));
    }

    private static CompletableFuture<CommandStatus> copyRecords(RealConnection conn, String table, String[] columns,
            java.util.function.Function<CopyTarget, CopyInChunks> chunks) {
        return copyRecords(conn, table, columns, null, chunks);
    }

    private static CompletableFuture<CommandStatus> copyRecords(RealConnection conn, String table, String[] columns,
            String where, java.util.function.Function<CopyTarget, CopyInChunks> chunks) {
        CompletableFuture<CopyTarget> lookup;
        try {
            lookup = CopyTarget.resolve(conn, table, columns);
        } catch (PgInterfaceException e) {
            return CompletableFuture.failedFuture(e);
        }
        CommandFuture<CommandStatus> outcome = new CommandFuture<>();
        outcome.onCancel(() -> lookup.cancel(true));
        lookup.whenComplete((target, error) -> {
            if (error != null) {
                outcome.completeExceptionally(Futures.unwrap(error));
                return;
            }
            if (outcome.isDone()) {
                return; // cancelled meanwhile
            }
            String sql;
            try {
                sql = target.copySql(where);
            } catch (PgInterfaceException e) {
                outcome.completeExceptionally(e);
                return;
            }
            CompletableFuture<CommandStatus> copy = copyIn(conn, sql, chunks.apply(target));
            outcome.onCancel(() -> copy.cancel(true));
            if (outcome.isCancelled()) {
                copy.cancel(true);
            }
            copy.whenComplete((status, failure) -> {
                if (failure != null) {
                    outcome.completeExceptionally(Futures.unwrap(failure));
                } else {
                    outcome.complete(status);
                }
            });
        });
        return outcome;
    }

    /**
     * Runs a COPY FROM STDIN with {@code chunks} and completes once the command ended and the
     * data source was released (released by the reader already when it was exhausted).
     */
    private static CompletableFuture<CommandStatus> copyIn(RealConnection conn, String sql, CopyInChunks chunks) {
        CommandFuture<CommandStatus> outcome = new CommandFuture<>();
        CompletableFuture<CommandStatus> copy = conn.copyIn(sql, chunks);
        outcome.onCancel(() -> copy.cancel(true));
        copy.whenCompleteAsync((status, error) -> {
            chunks.releaseAfterCommand();
            if (error == null) {
                outcome.complete(status);
            } else {
                outcome.completeExceptionally(chunks.outcomeError(Futures.unwrap(error)));
            }
        }, worker());
        return outcome;
    }

    private static CopyOptions orDefaults(CopyOptions options) {
        return options == null ? CopyOptions.defaults() : options;
    }

    private static void requireSink(CopySink sink) {
        if (sink == null) {
            throw new PgInterfaceException("the COPY sink must not be null");
        }
    }
}
