package io.pgjet.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.pgjet.PgConnectionException;
import io.pgjet.internal.engine.Command;
import io.pgjet.internal.engine.CommandFuture;
import io.pgjet.internal.engine.CommandTimeouts;
import io.pgjet.internal.engine.ConnectionFailures;
import io.pgjet.internal.engine.FatalErrorRecorder;
import io.pgjet.internal.engine.EngineListener;
import io.pgjet.internal.engine.ProtocolEngine;
import io.pgjet.internal.engine.ResultCommand;
import io.pgjet.internal.engine.SessionState;
import io.pgjet.internal.engine.StartupCommand;
import io.pgjet.internal.engine.TerminateCommand;
import io.pgjet.internal.engine.Transport;
import io.pgjet.internal.blocking.Futures;
import java.net.SocketAddress;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Binds one {@link ProtocolEngine} to one Netty channel: takes commands from any thread,
 * hands them to the engine on the channel's event loop, and coalesces everything written during
 * one event-loop turn into a single flush.
 *
 * <p>Submissions from other threads go through a lock-free queue drained by one task, so a
 * burst of concurrent requests costs one wake-up and one flush. Timeouts and caller cancels
 * send a CancelRequest on a separate connection.
 */
public final class ConnectionIo implements Transport, ProtocolEngine.Outbound, CommandFuture.Canceller {
    private final Channel channel;
    private final EventLoop loop;
    private final ProtocolEngine engine;
    private final SocketAddress serverAddress;
    private final Queue<Command> submissions = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private final Runnable drainTask = this::drainSubmissions;
    private final Runnable flushTask = this::flushNow;
    /** Commands whose caller cancelled them from another thread, stopped before the next drain. */
    private final Queue<ResultCommand<?>> cancels = new ConcurrentLinkedQueue<>();
    private final Runnable cancelTask = this::stopPendingCancels;
    private ByteBuf pending;
    private boolean batching;
    private boolean flushScheduled;
    private final FatalErrorRecorder fatal;
    private volatile boolean closing;
    // Set before pending commands are failed, so a caller woken by that failure already sees the
    // connection closed (channel.close() may complete after the caller looks).
    private volatile boolean broken;
    private volatile Runnable writabilityListener;
    /** A command's continuation waiting for the socket to drain (large executeMany, COPY). */
    private Runnable pendingWritable;

    ConnectionIo(Channel channel, SocketAddress serverAddress, EngineListener listener, int maxMessageSize) {
        this.channel = channel;
        this.loop = channel.eventLoop();
        this.serverAddress = serverAddress;
        this.fatal = new FatalErrorRecorder(listener);
        this.engine = new ProtocolEngine(this, fatal);
        channel.pipeline().addLast("pgjet", new BackendMessageHandler(engine, this, maxMessageSize));
    }

    /** Returns the session state the server reported. */
    @Override
    public SessionState session() {
        return engine.session();
    }

    /** Returns a key naming the server this connection talks to (its socket address). */
    @Override
    public String serverKey() {
        return String.valueOf(serverAddress);
    }

    @Override
    public SocketAddress serverAddress() {
        return serverAddress;
    }

    /** Returns the Netty channel; internal use only. */
    Channel channel() {
        return channel;
    }

    /** Returns a future completing when the connection is closed, for whatever reason. */
    @Override
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    /** Returns whether the calling thread is this connection's I/O thread. */
    @Override
    public boolean inIoThread() {
        return loop.inEventLoop();
    }

    /** Returns whether the connection is closed or closing. */
    @Override
    public boolean isClosed() {
        return closing || broken || !channel.isActive();
    }

    /** Returns the number of commands queued or in flight. */
    @Override
    public int pendingCommands() {
        return engine.inFlightCount() + submissions.size();
    }

    /**
     * Queues a command from any thread. Its messages are written in submission order and
     * pipelined behind earlier commands; its future gets cancel and timeout hooks.
     *
     * @param timeoutNanos command timeout, 0 for none
     */
    @Override
    public <T, C extends ResultCommand<T>> C submit(C command, long timeoutNanos) {
        command.future().cancelWith(this, command);
        if (timeoutNanos > 0) {
            CommandTimeouts.arm(command, timeoutNanos, loop);
        }
        if (closing) {
            command.future().completeExceptionally(new PgConnectionException("the connection is closed"));
            return command;
        }
        enqueueFromAnyThread(command);
        return command;
    }

    private void enqueueFromAnyThread(Command command) {
        if (loop.inEventLoop()) {
            engine.enqueue(command);
        } else {
            submissions.offer(command);
            if (drainScheduled.compareAndSet(false, true)) {
                loop.execute(drainTask);
                SpinThenWaitStrategy.externalWorkQueued();
            }
        }
    }

    /** Starts the connection: runs the startup command first; called on the event loop. */
    void start(StartupCommand startup) {
        engine.enqueue(startup);
        flushNow();
    }

    private void drainSubmissions() {
        drainScheduled.set(false);
        batching = true;
        try {
            stopPendingCancels();
            Command command;
            while ((command = submissions.poll()) != null) {
                engine.enqueue(command);
            }
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            batching = false;
        }
        if (flushScheduled) {
            flushNow();
        }
    }

    /** Stops {@code command}: a cancel request if the server is running it, else it is dropped when its turn comes. */
    @Override
    public void cancel(ResultCommand<?> command) {
        // Decided before any request issued after this call is written, since such a request
        // must wait behind the cancel (see ProtocolEngine.cancelSending): inline on the I/O thread
        // (a timeout), else ahead of the submissions the next drain takes.
        if (loop.inEventLoop()) {
            stop(command);
        } else {
            cancels.offer(command);
            loop.execute(cancelTask);
        }
    }

    private void stopPendingCancels() {
        ResultCommand<?> command;
        while ((command = cancels.poll()) != null) {
            stop(command);
        }
    }

    private void stop(ResultCommand<?> command) {
        engine.stop(command);
    }

    // ---- Outbound --------------------------------------------------------------------------

    @Override
    public ByteBuf buffer() {
        if (pending == null) {
            pending = channel.alloc().ioBuffer(512);
        }
        return pending;
    }

    @Override
    public void requestFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            if (!batching) {
                loop.execute(flushTask);
            }
        }
    }

    private void flushNow() {
        flushScheduled = false;
        ByteBuf out = pending;
        pending = null;
        if (out != null) {
            if (!out.isReadable() || !channel.isActive()) {
                out.release();
            } else {
                channel.writeAndFlush(out, channel.voidPromise());
            }
        }
        runWritableTaskIfPossible();
    }

    @Override
    public void whenWritable(Runnable task) {
        pendingWritable = task;
        requestFlush();
    }

    private void runWritableTaskIfPossible() {
        Runnable task = pendingWritable;
        if (task != null && channel.isWritable()) {
            pendingWritable = null;
            loop.execute(() -> {
                if (channel.isActive()) {
                    task.run();
                    if (flushScheduled && !batching) {
                        flushNow();
                    }
                }
            });
        }
    }

    @Override
    public void sendCancelRequest() {
        SessionState session = engine.session();
        if (session.secretKey() != null) {
            // Later commands wait until the server has handled the cancel (see cancelSending).
            engine.cancelSending();
            CancelRequests.send(channel, serverAddress, session.processId(), session.secretKey(),
                    engine::cancelDelivered);
        }
    }

    // ---- called by BackendMessageHandler -----------------------------------------------------

    /**
     * Called before the messages of a read are handled: writes they cause (the next request of a
     * callback chain) wait for {@link #readBatchComplete()}, which flushes once, instead of
     * each scheduling a flush task.
     */
    void readBatchStarted() {
        batching = true;
    }

    void readBatchComplete() {
        batching = false;
        if (flushScheduled) {
            flushNow();
        }
    }

    void writabilityChanged(boolean writable) {
        if (writable) {
            runWritableTaskIfPossible();
        }
        Runnable listener = writabilityListener;
        if (writable && listener != null) {
            listener.run();
        }
    }

    /** Installs a callback run on the event loop whenever the channel becomes writable again. */
    public void onWritable(Runnable listener) {
        this.writabilityListener = listener;
    }

    void fail(Throwable cause) {
        Throwable reported = ConnectionFailures.broken(cause);
        broken = true;
        engine.connectionLost(reported);
        channel.close();
    }

    void closed() {
        PgConnectionException cause = ConnectionFailures.closed(fatal.fatal(), closing);
        engine.connectionLost(cause);
        if (pending != null) {
            pending.release();
            pending = null;
        }
        Command command;
        while ((command = submissions.poll()) != null) {
            engine.enqueue(command); // aborts: the engine is closed
        }
        closeFuture.complete(null);
    }

    /**
     * Closes gracefully: commands already submitted finish, then Terminate is sent and the server
     * closes the socket (after at most 10 s PgJet closes it). Later submissions fail at once. The
     * future completes when the socket is closed.
     */
    @Override
    public CompletableFuture<Void> close() {
        if (!closing) {
            TerminateCommand terminate = new TerminateCommand();
            enqueueFromAnyThread(terminate);
            closing = true;
            ScheduledFuture<?> forceClose = loop.schedule(() -> {
                if (channel.isActive()) {
                    channel.close();
                }
            }, 10, TimeUnit.SECONDS);
            closeFuture.whenComplete((ignored, error) -> forceClose.cancel(false));
        }
        return closeFuture;
    }

    /** Closes the socket at once; every pending command fails with PgConnectionException. */
    @Override
    public CompletableFuture<Void> terminate() {
        closing = true;
        channel.close();
        return closeFuture;
    }

    /**
     * Stops or resumes reading from the socket, so a slow consumer of streamed data (COPY OUT)
     * holds the server back instead of filling memory. Thread-safe.
     */
    @Override
    public void setAutoRead(boolean read) {
        channel.config().setAutoRead(read);
    }

    /** Runs {@code task} on the connection's event loop. */
    @Override
    public void execute(Runnable task) {
        loop.execute(task);
    }

    @Override
    public void writeDirect(ByteBuf message, Runnable written) {
        channel.writeAndFlush(message).addListener(done -> written.run());
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public <T> T await(CompletableFuture<T> future) {
        return Futures.await(future);
    }

    @Override
    public <T> T call(Supplier<CompletableFuture<T>> request) {
        return Futures.await(request.get());
    }

    /** Does nothing: the event loop reads whenever data arrives, idle or not. */
    @Override
    public void pollIdle() {
        // always reading
    }

    /** Does nothing: the event loop reads whenever data arrives, idle or not. */
    @Override
    public void keepReadingWhileIdle(boolean read) {
        // always reading
    }
}
