package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.protocol.CopyResponse;
import io.pgjet.protocol.RowDescription;
import io.pgjet.protocol.ServerMessage;

/**
 * One request in a connection's in-flight queue: it writes its frontend messages once, then
 * receives the backend messages that answer them, up to and including its ReadyForQuery.
 *
 * <p>Subclasses override the callbacks for the messages their flow expects; any other message
 * reaching a command is a protocol violation ({@link #unexpected}), never silently ignored. After
 * an ErrorResponse the engine routes nothing more to the command until ReadyForQuery (the seed's
 * ERROR_CONSUME state), then calls {@link #failed}. All methods run on the connection's I/O
 * thread.
 */
public abstract class Command {

    /** Written messages end with a Sync, so this command ends with exactly one ReadyForQuery. */
    private boolean started;

    /**
     * Writes this command's frontend messages into {@code out}. Called once, on the I/O thread,
     * in queue order; must end with a Sync (or, for a simple Query, the implicit one).
     *
     * @param out the connection's pending write buffer
     * @param session the connection's session state (prepared statements, parameters)
     */
    protected abstract void encode(ByteBuf out, EngineContext session);

    /** Returns whether the engine has started routing backend messages to this command. */
    final boolean started() {
        return started;
    }

    final void markStarted() {
        started = true;
    }

    /**
     * Returns whether later commands must wait until this one completes before they are written:
     * true for COPY FROM STDIN, where any other message would abort the copy.
     */
    protected boolean blocksPipeline() {
        return false;
    }

    /**
     * Called at a ReadyForQuery that ended one phase of a multi-phase command without error.
     * A command that writes its next phase here (e.g. Bind/Execute once Describe told it the
     * parameter types) returns true and stays at the head; the engine then expects another
     * ReadyForQuery for it.
     *
     * @return true if more messages were written and the command continues
     */
    protected boolean continueAfterReadyForQuery(byte transactionStatus, EngineContext context) {
        return false;
    }

    /**
     * Called when this command becomes the head of the queue (its answers are next on the wire).
     *
     * @param context the engine, for commands that write more as they go (COPY, SASL)
     */
    protected void onHead(EngineContext context) {
        // most commands have nothing to do
    }

    /** Receives a DataRow; {@code row} is valid only during the call. */
    protected void dataRow(ByteBuf row) {
        unexpected("DataRow");
    }

    /** Receives CommandComplete with its tag, e.g. {@code "INSERT 0 1"}. */
    protected void commandComplete(String tag) {
        unexpected("CommandComplete");
    }

    /** Receives BindComplete. */
    protected void bindComplete() {
        unexpected("BindComplete");
    }

    /** Receives ParseComplete. */
    protected void parseComplete() {
        unexpected("ParseComplete");
    }

    /** Receives RowDescription. */
    protected void rowDescription(RowDescription description) {
        unexpected("RowDescription");
    }

    /** Receives ParameterDescription. */
    protected void parameterDescription(int[] typeOids) {
        unexpected("ParameterDescription");
    }

    /** Receives NoData (a statement or portal that returns no rows was described). */
    protected void noData() {
        unexpected("NoData");
    }

    /** Receives PortalSuspended (an Execute row limit was reached). */
    protected void portalSuspended() {
        unexpected("PortalSuspended");
    }

    /** Receives CloseComplete. */
    protected void closeComplete() {
        unexpected("CloseComplete");
    }

    /** Receives EmptyQueryResponse (the SQL text held no statement). */
    protected void emptyQueryResponse() {
        unexpected("EmptyQueryResponse");
    }

    /** Receives CopyInResponse: the server now waits for CopyData. */
    protected void copyInResponse(CopyResponse response, EngineContext context) {
        unexpected("CopyInResponse");
    }

    /** Receives CopyOutResponse: CopyData messages follow. */
    protected void copyOutResponse(CopyResponse response) {
        unexpected("CopyOutResponse");
    }

    /** Receives CopyBothResponse: a replication stream starts (CopyData both ways). */
    protected void copyBothResponse(CopyResponse response, EngineContext context) {
        unexpected("CopyBothResponse");
    }

    /** Receives CopyData; {@code data} is valid only during the call. */
    protected void copyData(ByteBuf data) {
        unexpected("CopyData");
    }

    /** Receives CopyDone. */
    protected void copyDone() {
        unexpected("CopyDone");
    }

    /**
     * Receives the ErrorResponse that failed this command. The engine then discards every
     * message up to ReadyForQuery and calls {@link #failed} there.
     */
    protected abstract void errorResponse(ServerMessage error);

    /**
     * Ends the command at its ReadyForQuery when no error was received.
     *
     * @param transactionStatus 'I', 'T' or 'E'
     */
    protected abstract void completed(byte transactionStatus);

    /**
     * Ends the command at its ReadyForQuery after an ErrorResponse.
     *
     * @param transactionStatus 'I', 'T' or 'E'
     */
    protected abstract void failed(byte transactionStatus);

    /**
     * Fails the command without an answer from the server: the connection was lost or closed, or
     * the command could not be written. Called at most once, instead of completed/failed.
     */
    protected abstract void abort(Throwable cause);

    /**
     * Reports a message the command's flow does not allow.
     *
     * @throws UnexpectedMessageException always; the engine closes the connection
     */
    protected final void unexpected(String message) {
        throw new UnexpectedMessageException(
                message + " is not expected by " + getClass().getSimpleName());
    }
}
