package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.protocol.BackendHandler;
import io.pgjet.protocol.CopyResponse;
import io.pgjet.protocol.RowDescription;
import io.pgjet.protocol.ServerMessage;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Routes backend messages to the command at the head of the in-flight queue, like the seed's
 * {@code CoreProtocol._read_server_messages}: asynchronous messages (ParameterStatus, Notice,
 * Notification) are handled here, everything else belongs to the head command. After an
 * ErrorResponse the head command receives nothing more until its ReadyForQuery (ERROR_CONSUME).
 *
 * <p>IO-free and single-threaded: the owner calls every method on the connection's I/O thread,
 * feeds it decoded messages and supplies the outbound buffer through {@link Outbound}.
 */
public final class ProtocolEngine implements BackendHandler, EngineContext {

    /** Where the engine's commands write, supplied by the transport. */
    public interface Outbound {
        /** Returns the buffer collecting messages for the next flush. */
        ByteBuf buffer();

        /** Flushes the buffer at the end of the current I/O turn. */
        void requestFlush();

        /** Sends a CancelRequest for this session on a separate connection. */
        void sendCancelRequest();

        /** Runs {@code task} on the I/O thread once the socket is writable (after a flush). */
        void whenWritable(Runnable task);

        /** Runs {@code task} later on the I/O thread; callable from any thread. */
        void execute(Runnable task);
    }

    private final ArrayDeque<Command> inFlight = new ArrayDeque<>();
    /** Commands held back while a command that must own the wire (COPY IN) is in flight. */
    private final ArrayDeque<Command> held = new ArrayDeque<>();
    private Command barrier;
    private final SessionState session = new SessionState();
    private final Outbound outbound;
    private final EngineListener listener;
    private boolean consumingError;
    private Throwable closedCause;
    /** Cancel requests sent and not yet known to have been handled by the server. */
    private int cancelsInFlight;

    /**
     * Creates an engine writing through {@code outbound} and reporting asynchronous messages to
     * {@code listener}.
     */
    public ProtocolEngine(Outbound outbound, EngineListener listener) {
        this.outbound = outbound;
        this.listener = listener;
    }

    /**
     * Queues a command and writes its messages (pipelined behind any commands in flight). If the
     * connection is already lost the command is aborted with the loss cause instead.
     */
    public void enqueue(Command command) {
        if (closedCause != null) {
            command.abort(closedCause);
            return;
        }
        if (barrier != null || cancelsInFlight > 0) {
            held.addLast(command);
            return;
        }
        write(command);
    }

    /**
     * Records that the transport is sending a CancelRequest: commands enqueued from now on are
     * held back until {@link #cancelDelivered()}. PostgreSQL cancels whatever the backend runs
     * when the signal lands, so a request still on its way when the command it was meant for has
     * finished would otherwise cancel the next one: its caller would see the server's 57014
     * instead of its own result (and a timed-out or cancelled caller could see either outcome,
     * depending on timing). Once the server has closed the cancel connection the signal has been
     * sent; a backend that is idle then ignores it. Commands already written behind the running
     * one (pipelined before the cancel) are not protected.
     */
    public void cancelSending() {
        cancelsInFlight++;
    }

    /**
     * Records that a cancel request of {@link #cancelSending()} was handled (the server closed
     * its connection) or could not be sent; releases the held commands once none is pending.
     */
    public void cancelDelivered() {
        if (cancelsInFlight > 0 && --cancelsInFlight == 0) {
            releaseHeld();
            outbound.requestFlush();
        }
    }

    private void write(Command command) {
        if (command instanceof ResultCommand && ((ResultCommand<?>) command).wantsCancelAtHead()) {
            // Cancelled or timed out while held back: its caller has its outcome, the server need
            // not run it (and no cancel request is needed to stop it).
            command.abort(new java.util.concurrent.CancellationException("cancelled before it was sent"));
            return;
        }
        inFlight.addLast(command);
        command.encode(outbound.buffer(), this);
        outbound.requestFlush();
        if (command.blocksPipeline()) {
            barrier = command;
        }
        if (inFlight.size() == 1) {
            startHead();
        }
    }

    private void releaseHeld() {
        Command command;
        while (barrier == null && cancelsInFlight == 0 && (command = held.pollFirst()) != null) {
            write(command);
        }
    }

    /** Returns whether {@code command} is the one whose answers are currently arriving. */
    public boolean isHead(Command command) {
        return inFlight.peekFirst() == command;
    }

    /** Returns the number of commands queued (written, or held back) and not yet answered. */
    public int inFlightCount() {
        return inFlight.size() + held.size();
    }

    /**
     * Returns the number of commands written whose answers are still to come: a caller-driven
     * transport reads only while this is positive (held-back commands have sent nothing yet).
     */
    public int answersDue() {
        return inFlight.size();
    }

    /** Returns whether the connection was lost or closed. */
    public boolean isClosed() {
        return closedCause != null;
    }

    /**
     * Fails every queued command with {@code cause} and refuses new ones; called once when the
     * transport closes for any reason.
     */
    public void connectionLost(Throwable cause) {
        if (closedCause != null) {
            return;
        }
        closedCause = cause;
        Command command;
        while ((command = inFlight.pollFirst()) != null || (command = held.pollFirst()) != null) {
            try {
                command.abort(cause);
            } catch (RuntimeException ignored) {
                // one command's failure handling must not keep the others hanging
            }
        }
    }

    @Override
    public ByteBuf outbound() {
        return outbound.buffer();
    }

    @Override
    public void requestFlush() {
        outbound.requestFlush();
    }

    @Override
    public SessionState session() {
        return session;
    }

    @Override
    public void releasePipeline(Command command) {
        if (barrier == command) {
            barrier = null;
            releaseHeld();
        }
    }

    @Override
    public void whenWritable(Runnable task) {
        outbound.whenWritable(task);
    }

    @Override
    public void runOnIoThread(Runnable task) {
        outbound.execute(() -> {
            task.run();
            outbound.requestFlush();
        });
    }

    /**
     * Sends the cancel request a command asked for while it waited in the queue; the hold on new
     * commands taken then ({@link #cancelReserved()}) passes to the request itself.
     */
    @Override
    public void cancelRunningQuery() {
        if (cancelCannotMissItsTarget()) {
            outbound.sendCancelRequest();
        }
        cancelDelivered();
    }

    /**
     * Tells whether a cancel request sent now can only stop the head command. PostgreSQL cancels
     * whatever the backend runs when the signal lands; with other commands already written behind
     * the head, the server may have finished the head (its answer still on its way, or unread in
     * the socket) and be running one of those, whose caller would then get 57014 for a cancel it
     * never asked for. So the head is stopped server-side only when it is alone in flight; else it
     * runs to its end (its caller already has its timeout or cancellation).
     */
    private boolean cancelCannotMissItsTarget() {
        return inFlight.size() == 1;
    }

    /**
     * Stops {@code command} for a caller's cancel or its timeout, for every transport: a cancel
     * request when the server is running it, else it is dropped or cancelled when its turn comes
     * ({@link #cancelQueued}). Does nothing for a finished command.
     */
    public void stop(ResultCommand<?> command) {
        if (command.isFinished()) {
            return;
        }
        if (isHead(command)) {
            if (cancelCannotMissItsTarget()) {
                outbound.sendCancelRequest();
            }
        } else {
            cancelQueued(command);
        }
    }

    /**
     * Stops a command that is not at the head of the queue. One already written sends its cancel
     * request when it gets to the head ({@link ResultCommand#cancelWhenHead()}); commands enqueued
     * from now on are held back meanwhile, as for {@link #cancelSending()}, since they would
     * otherwise be written before that request. One still held back is never written.
     */
    public void cancelQueued(ResultCommand<?> command) {
        command.cancelWhenHead();
        if (inFlight.contains(command)) {
            cancelsInFlight++; // passed on to the request by cancelRunningQuery()
        }
    }

    private Command head(String message) {
        Command head = inFlight.peekFirst();
        if (head == null) {
            throw new UnexpectedMessageException(message + " arrived while no command was in flight");
        }
        return head;
    }

    private void startHead() {
        Command head = inFlight.peekFirst();
        if (head != null && !head.started()) {
            head.markStarted();
            head.onHead(this);
        }
    }

    // ---- hot path first -------------------------------------------------------------------

    /**
     * Returns true: every command that keeps rows stores them in a {@code RowBuffer}, which checks
     * each row while indexing its copy; commands that ignore rows never read them.
     */
    @Override
    public boolean checksDataRows() {
        return true;
    }

    @Override
    public void dataRow(ByteBuf row) {
        Command head = head("DataRow");
        if (!consumingError) {
            head.dataRow(row);
        }
    }

    @Override
    public void commandComplete(String tag) {
        Command head = head("CommandComplete");
        session.commandCompleted(tag);
        if (!consumingError) {
            head.commandComplete(tag);
        }
    }

    @Override
    public void bindComplete() {
        Command head = head("BindComplete");
        if (!consumingError) {
            head.bindComplete();
        }
    }

    @Override
    public void parseComplete() {
        Command head = head("ParseComplete");
        if (!consumingError) {
            head.parseComplete();
        }
    }

    @Override
    public void readyForQuery(byte transactionStatus) {
        Command head = head("ReadyForQuery");
        session.transactionStatus(transactionStatus);
        if (!consumingError && head.continueAfterReadyForQuery(transactionStatus, this)) {
            return;
        }
        inFlight.pollFirst();
        boolean failed = consumingError;
        consumingError = false;
        startHead();
        if (head == barrier) {
            // Held commands were issued before anything the completion below may issue.
            barrier = null;
            releaseHeld();
        }
        if (failed) {
            head.failed(transactionStatus);
        } else {
            head.completed(transactionStatus);
        }
    }

    @Override
    public void rowDescription(RowDescription description) {
        Command head = head("RowDescription");
        if (!consumingError) {
            head.rowDescription(description);
        }
    }

    // ---- the rest ---------------------------------------------------------------------------

    @Override
    public void parameterDescription(int[] typeOids) {
        Command head = head("ParameterDescription");
        if (!consumingError) {
            head.parameterDescription(typeOids);
        }
    }

    @Override
    public void noData() {
        Command head = head("NoData");
        if (!consumingError) {
            head.noData();
        }
    }

    @Override
    public void portalSuspended() {
        Command head = head("PortalSuspended");
        if (!consumingError) {
            head.portalSuspended();
        }
    }

    @Override
    public void closeComplete() {
        Command head = head("CloseComplete");
        if (!consumingError) {
            head.closeComplete();
        }
    }

    @Override
    public void emptyQueryResponse() {
        Command head = head("EmptyQueryResponse");
        if (!consumingError) {
            head.emptyQueryResponse();
        }
    }

    @Override
    public void errorResponse(ServerMessage error) {
        String severity = error.severityNonLocalized() != null ? error.severityNonLocalized() : error.severity();
        boolean fatal = "FATAL".equals(severity) || "PANIC".equals(severity);
        if (fatal) {
            listener.fatalError(error);
        }
        Command head = inFlight.peekFirst();
        if (head == null) {
            if (fatal) {
                return; // e.g. pg_terminate_backend on an idle connection: the close follows
            }
            throw new UnexpectedMessageException("ErrorResponse arrived while no command was in flight: " + error);
        }
        if (!consumingError) {
            consumingError = true;
            head.errorResponse(error);
        }
    }

    @Override
    public void noticeResponse(ServerMessage notice) {
        listener.notice(notice);
    }

    @Override
    public void notificationResponse(int processId, String channel, String payload) {
        listener.notification(processId, channel, payload);
    }

    @Override
    public void parameterStatus(String name, String value) {
        session.parameter(name, value);
    }

    @Override
    public void backendKeyData(int processId, byte[] secretKey) {
        session.backendKey(processId, secretKey);
    }

    @Override
    public void copyInResponse(CopyResponse response) {
        Command head = head("CopyInResponse");
        if (!consumingError) {
            head.copyInResponse(response, this);
        }
    }

    @Override
    public void copyOutResponse(CopyResponse response) {
        Command head = head("CopyOutResponse");
        if (!consumingError) {
            head.copyOutResponse(response);
        }
    }

    @Override
    public void copyBothResponse(CopyResponse response) {
        // Only START_REPLICATION on a replication connection enters COPY BOTH.
        Command head = head("CopyBothResponse");
        if (!consumingError) {
            head.copyBothResponse(response, this);
        }
    }

    @Override
    public void copyData(ByteBuf data) {
        Command head = head("CopyData");
        if (!consumingError) {
            head.copyData(data);
        }
    }

    @Override
    public void copyDone() {
        Command head = head("CopyDone");
        if (!consumingError) {
            head.copyDone();
        }
    }

    @Override
    public void functionCallResponse(ByteBuf result) {
        // PgJet never sends FunctionCall, so an answer to one is a protocol violation.
        throw new UnexpectedMessageException("FunctionCallResponse without a FunctionCall");
    }

    // ---- startup-only messages go to the startup command -----------------------------------

    private StartupCommand startup(String message) {
        Command head = head(message);
        if (!(head instanceof StartupCommand)) {
            throw new UnexpectedMessageException(message + " outside connection startup");
        }
        return (StartupCommand) head;
    }

    @Override
    public void authenticationOk() {
        startup("AuthenticationOk").authenticationOk();
    }

    @Override
    public void authenticationCleartextPassword() {
        startup("AuthenticationCleartextPassword").cleartextPassword(this);
    }

    @Override
    public void authenticationMd5Password(byte[] salt) {
        startup("AuthenticationMD5Password").md5Password(salt, this);
    }

    @Override
    public void authenticationSasl(List<String> mechanisms) {
        startup("AuthenticationSASL").sasl(mechanisms, this);
    }

    @Override
    public void authenticationSaslContinue(byte[] data) {
        startup("AuthenticationSASLContinue").saslContinue(data, this);
    }

    @Override
    public void authenticationSaslFinal(byte[] data) {
        startup("AuthenticationSASLFinal").saslFinal(data);
    }

    @Override
    public void authenticationUnsupported(int code) {
        startup("Authentication").unsupported(code);
    }

    @Override
    public void negotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions) {
        startup("NegotiateProtocolVersion").negotiateProtocolVersion(newestMinorVersion, unrecognizedOptions, this);
    }
}
