package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgException;
import io.pgjet.PgInterfaceException;
import io.pgjet.Row;
import io.pgjet.internal.result.Columns;
import io.pgjet.internal.types.Codec;
import io.pgjet.protocol.FrontendMessages;
import io.pgjet.protocol.RowDescription;
import io.pgjet.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The seed's BIND_EXECUTE_MANY state: one Bind/Execute pair per parameter set, all under a
 * single Sync, so the batch is one implicit transaction (all or nothing) and one round trip.
 *
 * <p>Parameter sets are taken lazily from a {@link BatchSource} (an iterator, or a publisher
 * with backpressure) and written in chunks of about 256 KiB, the next chunk only when the
 * socket can take it, so a batch of any size needs bounded memory.
 * Later requests wait until the final Sync is written. If the server rejects a row, the rest is
 * not sent; if a parameter set cannot be encoded, the batch is abandoned and, outside a
 * transaction block, rolled back before its Sync (as the seed does), so nothing is applied.
 *
 * <p>The result is the total row count of every execution, or, when collecting, every row the
 * executions returned (e.g. {@code INSERT ... RETURNING id}).
 *
 * <p>A batch may carry a {@link Rewrite}: once the statement as given is described (or at once,
 * when the rewrite already knows), it may swap in another statement, source and encoder that
 * have the same effect, e.g. one multi-row {@code INSERT ... SELECT FROM unnest(...)} per chunk
 * of rows instead of one {@code INSERT ... VALUES} per row. The swap happens inside this one
 * command, so requests issued after the batch still run after it.
 */
public final class ExecuteManyCommand extends ResultCommand<ExecuteManyCommand.Outcome> {
    private static final int CHUNK_BYTES = 256 * 1024;
    /**
     * Bytes of parameter sets written ahead of the server's answers before writing pauses. Each
     * chunk ends with a Flush, so answers come back chunk by chunk; bounding what is unanswered
     * bounds how much of the source is read (and sent for nothing) after the server rejected a
     * set, whatever the socket buffers and the I/O thread's scheduling would allow.
     */
    private static final long UNANSWERED_BYTES = 1024 * 1024;
    private static final int[] UNSPECIFIED = new int[0];

    /**
     * What a batch produced.
     *
     * @param executions the number of parameter sets executed
     * @param rowCount the sum of the row counts the executions reported
     * @param rows the returned rows when collecting, else an empty list
     */
    public record Outcome(long executions, long rowCount, List<Row> rows) {}

    /**
     * Replaces a batch by an equivalent one once its statement's parameter types are known
     * (PgJet's {@code rewriteBatchedInserts}). Both methods run on the I/O thread.
     */
    public interface Rewrite {
        /** Returned by {@link #plan} when it needs the statement's description to decide. */
        Plan DESCRIBE_FIRST = new Plan(null, null, null, null);

        /**
         * Returns the batch to run instead, or null to run the batch as given.
         *
         * @param described the statement as given, described by the server; null when it is not
         *     described yet, in which case {@link #DESCRIBE_FIRST} asks for it to be described
         *     (a rewrite that already knows its decision answers without it)
         */
        Plan plan(PreparedInfo described);

        /**
         * Called when the replacement statement could not be prepared (nothing of the batch
         * was sent yet); returns the future of the same batch run the ordinary way, or null to
         * report {@code error} as it is.
         *
         * @param transactionStatus the status of the ReadyForQuery after the failed preparation
         */
        CompletableFuture<Outcome> fallback(PgException error, byte transactionStatus);
    }

    /**
     * A replacement batch.
     *
     * @param statement the statement to execute; prepared by the batch if nobody has yet, with
     *     its {@linkplain StatementRef#declaredTypes() declared parameter types}
     * @param source its parameter sets
     * @param encoders turns one of them into its Bind encoder
     * @param wording words errors in the caller's terms (e.g. row numbers instead of parameter
     *     sets of the replacement), or null for the default wording
     */
    public record Plan(StatementRef statement, BatchSource source, Function<Object[], BindEncoder> encoders,
            Wording wording) {}

    /** Words a batch's errors for a caller whose parameter sets are not the ones executed. */
    public interface Wording {
        /**
         * Returns the error for parameter set {@code index} (1-based, as executed) that could
         * not be read or encoded; the batch was rolled back.
         */
        PgInterfaceException clientError(long index, RuntimeException cause);

        /**
         * Returns the exception to report for the server's {@code error} at parameter set
         * {@code index} (1-based, as executed; one past the last when the error came after the
         * last execution, e.g. from a deferred constraint); should keep its class and SQLSTATE.
         *
         * @param transactionStatus the status of the ReadyForQuery that ended the batch
         */
        PgException serverError(PgException error, long index, byte transactionStatus);
    }

    private StatementRef statement;
    /** Whether this batch prepares the statement; decided when it is written. */
    private boolean prepare;
    private BatchSource source;
    private Function<Object[], BindEncoder> encoders;
    private final Rewrite rewrite;
    private Wording wording;
    /** Whether {@link #rewrite} has decided (so it is not asked again). */
    private boolean planned;
    /** Whether this batch prepares the replacement statement a rewrite swapped in. */
    private boolean preparingReplacement;
    private final boolean collectRows;
    private final TypeResolver types;
    private final List<Row> rows = new ArrayList<>();
    private RowCollector collector;
    private boolean preparing;
    private int[] parameterTypes = UNSPECIFIED;
    private Columns columns;
    /** While preparing: the statement's RowDescription (null for NoData). */
    private RowDescription described;
    /** Collects the introspection query's rows while the types the statement uses are looked up. */
    private RowCollector introspected;
    /** Whether the batch looks up again an altered type of its already prepared statement. */
    private boolean refreshing;
    private boolean writing;
    private long written;
    /** Whether this batch wrote the unnamed statement's Parse again (behind a transaction pooler). */
    private boolean reparsed;
    private long executions;
    private long rowCount;
    /** Receives each execution's row count (JDBC's executeBatch); null when nobody asked. */
    private java.util.function.LongConsumer countSink;
    private boolean serverFailed;
    /** Bytes of Bind/Execute written so far. */
    private long bytesWritten;
    /** Bytes of the chunks whose every parameter set the server answered. */
    private long bytesAnswered;
    /** Per flushed chunk not yet fully answered: {index of its last set, bytesWritten after it}. */
    private final java.util.ArrayDeque<long[]> unansweredChunks = new java.util.ArrayDeque<>();
    /** Whether writing waits for answers (too much unanswered); resumed by commandComplete. */
    private boolean awaitingAnswers;
    private EngineContext writeContext;
    private PgInterfaceException clientError;
    private PgException prepareError;

    /**
     * Creates a batch executing {@code statement} once per element of {@code source}.
     *
     * @param encoders turns one parameter set into its Bind encoder (called on the I/O thread)
     * @param collectRows whether to keep the rows the executions return
     * @param types lays out result columns (parameters of types without a codec go as text)
     */
    public ExecuteManyCommand(StatementRef statement, BatchSource source,
            Function<Object[], BindEncoder> encoders, boolean collectRows, TypeResolver types) {
        this(statement, source, encoders, collectRows, types, null);
    }

    /**
     * Creates a batch that {@code rewrite} may replace by an equivalent one; see {@link Rewrite}.
     *
     * @param rewrite decides on the replacement, or null to always run the batch as given
     */
    public ExecuteManyCommand(StatementRef statement, BatchSource source,
            Function<Object[], BindEncoder> encoders, boolean collectRows, TypeResolver types, Rewrite rewrite) {
        this.types = types;
        this.statement = statement;
        this.source = source;
        this.encoders = encoders;
        this.collectRows = collectRows;
        this.rewrite = rewrite;
    }

    @Override
    protected String sql() {
        return statement.sql();
    }

    @Override
    protected boolean blocksPipeline() {
        return true;
    }

    @Override
    protected void encode(ByteBuf out, EngineContext context) {
        if (statement.isClosed()) {
            clientError = StatementRef.closedError(); // checked in wire order, as QueryCommand does
            FrontendMessages.sync(out);
            context.releasePipeline(this);
            return;
        }
        if (rewrite != null && statement.info() == null && consultRewrite(null)) {
            writePrepare(out); // the replacement, without describing the statement as given
            return;
        }
        // False for a replacement swapped in already prepared: its description is known.
        prepare = statement.claimPreparation();
        if (prepare) {
            writePrepare(out);
            return;
        }
        if (statement.info() == null) {
            FrontendMessages.sync(out); // its preparation failed ahead of us
            context.releasePipeline(this);
            return;
        }
        if (types.isOutdated(statement.info()) && refreshTypes(out)) {
            return;
        }
        startWriting(context);
    }

    /**
     * Looks up again the altered types of the prepared statement (no new Parse): writes the
     * introspection query and returns true, or rebuilds the layout at once when another
     * connection already did (false).
     */
    private boolean refreshTypes(ByteBuf out) {
        PreparedInfo info = statement.info();
        parameterTypes = info.parameterTypes();
        described = info.columns() == null ? null : info.columns().description();
        int[] unknown = types.unknownTypes(parameterTypes, described);
        if (unknown.length > 0) {
            preparing = true;
            refreshing = true;
            introspected = new RowCollector(null);
            types.writeIntrospection(out, unknown);
            return true;
        }
        columns = described == null ? null : types.columns(described);
        statement.prepared(new PreparedInfo(statement.name(), statement.sql(), parameterTypes, columns));
        return false;
    }

    private void writePrepare(ByteBuf out) {
        preparing = true;
        parameterTypes = UNSPECIFIED;
        columns = null;
        described = null;
        FrontendMessages.parse(out, statement.name(), statement.sql(), statement.declaredTypes());
        FrontendMessages.describeStatement(out, statement.name());
        FrontendMessages.sync(out);
    }

    /**
     * Asks the rewrite for a replacement and swaps it in; returns true when the replacement must
     * be prepared first (this batch claimed its preparation).
     */
    private boolean consultRewrite(PreparedInfo described) {
        Plan plan = rewrite.plan(described);
        if (plan == Rewrite.DESCRIBE_FIRST && described == null) {
            return false;
        }
        planned = true;
        if (plan == null || plan == Rewrite.DESCRIBE_FIRST) {
            return false;
        }
        boolean claimed = plan.statement().claimPreparation();
        if (!claimed && plan.statement().info() == null) {
            // Its preparation, written ahead of this batch, failed: run the batch as given.
            return false;
        }
        statement = plan.statement();
        source = plan.source();
        encoders = plan.encoders();
        wording = plan.wording();
        preparingReplacement = claimed;
        prepare = claimed;
        return claimed;
    }

    private void startWriting(EngineContext context) {
        if (rewrite != null && !planned && consultRewrite(statement.info())) {
            writePrepare(context.outbound());
            context.requestFlush();
            return;
        }
        writing = true;
        writeContext = context;
        writeChunk(context);
    }

    private void writeChunk(EngineContext context) {
        ByteBuf out = context.outbound();
        int start = out.writerIndex();
        PreparedInfo info = statement.info();
        boolean waiting = false;
        if (!reparsed && context.session().reparsesUnnamed() && statement.name().isEmpty()) {
            reparsed = true;
            // Behind a transaction pooler the Parse of the describing round trip may have run on
            // another server connection: parse again under this batch's Sync.
            FrontendMessages.parse(out, "", statement.sql(), info.parameterTypes());
        }
        while (!serverFailed && out.writerIndex() - start < CHUNK_BYTES) {
            int mark = out.writerIndex();
            long index = written + 1;
            try {
                Object[] next = source.poll();
                if (next == null) {
                    waiting = !source.exhausted();
                    break;
                }
                ParameterLimit.check(Math.max(next.length, info.parameterTypes().length), "the statement");
                encoders.apply(next).writeBind(out, "", info);
            } catch (RuntimeException e) {
                out.writerIndex(mark);
                abandon(out, context, index, e);
                return;
            }
            FrontendMessages.execute(out, "", 0);
            written++;
        }
        bytesWritten += out.writerIndex() - start;
        if (serverFailed || (!waiting && source.exhausted())) {
            finishWriting(out, context);
            return;
        }
        if (out.writerIndex() > start) {
            // Flush makes the server send the answers of this chunk once it has run it.
            FrontendMessages.flush(out);
            unansweredChunks.addLast(new long[] {written, bytesWritten});
        }
        context.requestFlush();
        if (bytesWritten - bytesAnswered >= UNANSWERED_BYTES) {
            awaitingAnswers = true; // resumed by answerReceived(), or ended by errorResponse()
            return;
        }
        Runnable more = () -> {
            if (writing) {
                writeChunk(context);
            }
        };
        if (waiting) {
            // Nothing ready yet (a publisher): resume on the I/O thread when the source has more.
            source.whenReady(() -> context.runOnIoThread(more));
        } else {
            context.whenWritable(more);
        }
    }

    private void abandon(ByteBuf out, EngineContext context, long index, RuntimeException cause) {
        clientError = wording != null ? wording.clientError(index, cause)
                : new PgInterfaceException("executeMany: parameter set " + index
                        + " could not be encoded or read; the batch was rolled back: " + cause.getMessage(), cause);
        if (written > 0 && !context.session().inTransaction()) {
            // Rows already sent run in the implicit transaction that Sync would commit: roll it back
            // first. (Inside a transaction block the caller's rollback undoes them.)
            FrontendMessages.parse(out, "", "ROLLBACK", UNSPECIFIED);
            FrontendMessages.bind(out, "", "", new short[0], new byte[0][], new short[0]);
            FrontendMessages.execute(out, "", 0);
        }
        finishWriting(out, context);
    }

    private void finishWriting(ByteBuf out, EngineContext context) {
        writing = false;
        awaitingAnswers = false;
        FrontendMessages.sync(out);
        context.requestFlush();
        context.releasePipeline(this);
    }

    @Override
    protected void parseComplete() {
        // expected (also for the rollback of an abandoned batch)
    }

    @Override
    protected void parameterDescription(int[] typeOids) {
        parameterTypes = typeOids;
    }

    @Override
    protected void rowDescription(RowDescription description) {
        if (!preparing) {
            unexpected("RowDescription");
        }
        if (introspected != null) {
            introspected.describe(description);
            return;
        }
        described = description;
        columns = types.columns(description);
    }

    @Override
    protected void noData() {
        // a statement without result columns
    }

    @Override
    protected boolean continueAfterReadyForQuery(byte transactionStatus, EngineContext context) {
        if (!preparing) {
            return false;
        }
        if (introspected == null) {
            // User types seen for the first time are looked up before any row is encoded, as
            // for a single execution: their parameters need their codecs, their results too.
            int[] unknown = types.unknownTypes(parameterTypes, described);
            if (unknown.length > 0) {
                introspected = new RowCollector(null);
                types.writeIntrospection(context.outbound(), unknown);
                context.requestFlush();
                return true;
            }
        } else {
            types.registerIntrospected(introspected.result().rows());
            introspected = null;
            refreshing = false;
            columns = described == null ? null : types.columns(described);
        }
        preparing = false;
        statement.prepared(new PreparedInfo(statement.name(), statement.sql(), parameterTypes, columns));
        startWriting(context);
        return true;
    }

    @Override
    protected void bindComplete() {
        // one per parameter set
    }

    @Override
    protected void dataRow(ByteBuf row) {
        if (introspected != null) {
            introspected.row(row);
            return;
        }
        if (!collectRows) {
            return;
        }
        if (collector == null) {
            collector = new RowCollector(statement.columns());
        }
        collector.row(row);
    }

    /** Hands each execution's row count to {@code sink} as it is answered (on the I/O thread); call before submitting. */
    public void reportCounts(java.util.function.LongConsumer sink) {
        countSink = sink;
    }

    private void recordCount(long count) {
        if (countSink != null) {
            countSink.accept(Math.max(count, 0));
        }
    }

    @Override
    protected void commandComplete(String tag) {
        if (introspected != null) {
            return; // the introspection query's
        }
        executions++;
        if (collector != null) {
            collector.complete(tag);
            rows.addAll(collector.next().rows());
            collector.columns(statement.columns());
        }
        long count = new io.pgjet.CommandStatus(tag).rowCount();
        if (count > 0) {
            rowCount += count;
        }
        recordCount(count);
        answerReceived();
    }

    @Override
    protected void closeComplete() {
        if (introspected == null) {
            unexpected("CloseComplete"); // only the introspection closes its statement
        }
    }

    @Override
    protected void emptyQueryResponse() {
        executions++;
        recordCount(0);
        answerReceived();
    }

    /** Counts a parameter set answered and resumes writing once little enough is unanswered. */
    private void answerReceived() {
        long[] chunk;
        while ((chunk = unansweredChunks.peekFirst()) != null && chunk[0] <= executions) {
            unansweredChunks.pollFirst();
            bytesAnswered = chunk[1];
        }
        if (awaitingAnswers && writing && bytesWritten - bytesAnswered < UNANSWERED_BYTES) {
            awaitingAnswers = false;
            EngineContext context = writeContext;
            context.whenWritable(() -> {
                if (writing) {
                    writeChunk(context);
                }
            });
        }
    }

    @Override
    protected void errorResponse(ServerMessage error) {
        super.errorResponse(error);
        serverFailed = true;
        if (writing && awaitingAnswers) {
            // Writing waits for answers that will not come now: end the batch at once.
            finishWriting(writeContext.outbound(), writeContext);
        }
        if (preparing && !refreshing) {
            prepareError = PgException.of(error.fields(), statement.sql());
            statement.failed(prepareError);
        }
    }

    /** Returns the 1-based index of the parameter set the server rejected. */
    public long failedRow() {
        return executions + 1;
    }

    @Override
    protected void failed(byte transactionStatus) {
        writing = false;
        if (prepareError != null) {
            CompletableFuture<Outcome> instead = preparingReplacement
                    ? rewrite.fallback(prepareError, transactionStatus) : null;
            if (instead != null) {
                finishWith(instead);
            } else {
                abort(prepareError);
            }
            return;
        }
        if (clientError != null) {
            abort(clientError); // the ROLLBACK of an abandoned batch may itself report an error
            return;
        }
        PgException error = PgException.of(error().fields(), sql());
        if ("42804".equals(error.sqlState()) && "record_recv".equals(error.routine()) && statement.info() != null) {
            // A composite parameter encoded with an out-of-date description: the next batch looks it up again.
            Codec.OutdatedDescription outdated = types.outdatedParameters(statement.info(), error.serverMessage());
            if (outdated != null) {
                outdated.error().initCause(error);
                abort(outdated.error());
                return;
            }
        }
        if (wording != null) {
            abort(wording.serverError(error, failedRow(), transactionStatus));
            return;
        }
        // In the message itself, where users look first; the class and SQLSTATE stay the server's.
        abort(error.withNote("executeMany failed at parameter set " + failedRow()
                + "; no row of the batch was applied" + (transactionStatus == 'E'
                        ? " and the enclosing transaction is aborted" : "")));
    }

    @Override
    protected void abort(Throwable cause) {
        writing = false;
        super.abort(cause);
    }

    @Override
    protected Outcome result() {
        if (clientError != null) {
            throw clientError;
        }
        if (statement.failure() != null && !prepare) {
            Throwable failure = statement.failure();
            throw failure instanceof RuntimeException ? (RuntimeException) failure : new IllegalStateException(failure);
        }
        return new Outcome(executions, rowCount, collectRows ? rows : List.of());
    }
}
