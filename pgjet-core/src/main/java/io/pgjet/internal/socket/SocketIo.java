package io.pgjet.internal.socket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.pgjet.PgConnectionException;
import io.pgjet.PgInterfaceException;
import io.pgjet.internal.blocking.Futures;
import io.pgjet.internal.engine.BackendFrames;
import io.pgjet.internal.engine.Command;
import io.pgjet.internal.engine.CommandFuture;
import io.pgjet.internal.engine.CommandTimeouts;
import io.pgjet.internal.engine.ConnectionFailures;
import io.pgjet.internal.engine.EngineListener;
import io.pgjet.internal.engine.FatalErrorRecorder;
import io.pgjet.internal.engine.ProtocolEngine;
import io.pgjet.internal.engine.ResultCommand;
import io.pgjet.internal.engine.SessionState;
import io.pgjet.internal.engine.StartupCommand;
import io.pgjet.internal.engine.TerminateCommand;
import io.pgjet.internal.engine.Transport;
import io.pgjet.internal.net.NettyRuntime;
import io.pgjet.internal.net.SpinPolicy;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The caller-driven transport: the thread that waits for an answer reads the socket itself.
 * A blocking call encodes its request, writes it and reads until its answer is complete, with
 * no hand-off to an I/O thread and back — two system calls per round trip, as a blocking
 * driver makes, and blocking socket I/O unmounts a virtual thread instead of pinning it.
 *
 * <p>Several threads may share one connection: their requests pipeline, and whichever holds the
 * read role completes the others' answers while they wait (a leader/follower scheme). When no
 * thread waits but answers are due — asynchronous use, a pool's reset, closing — or while the
 * connection listens for notifications ({@link #keepReadingWhileIdle}), a helper thread holds
 * the read role instead, so everything the event-loop transport does works here too.
 *
 * <p>Locks, never monitors: {@code engineLock} guards the engine and the outbound buffer (held
 * while a request is encoded and while received messages are dispatched, never during socket
 * I/O); the {@link ReadRole} decides who reads; the {@link WriteQueue} orders bytes on the socket.
 */
public final class SocketIo implements Transport, ProtocolEngine.Outbound, CommandFuture.Canceller, WriteQueue.Owner,
        ReadRole.Connection {
    /** Free space kept in the read buffer before each read. */
    private static final int READ_SPACE = 16 * 1024;

    private final SocketStream stream;
    private final SocketAddress serverAddress;
    private final int maxMessageSize;
    private final FatalErrorRecorder fatal;
    private final ProtocolEngine engine;
    private final WriteQueue writes;
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closing;

    private final ReentrantLock engineLock = new ReentrantLock();
    // guarded by engineLock
    private ByteBuf pending;
    private final ArrayDeque<Runnable> deferred = new ArrayDeque<>();
    private Runnable writableTask;

    private final ReadRole role = new ReadRole(this);
    /** Whether, and how long, the reading caller looks for a quick answer before blocking (one reader at a time). */
    private final SpinPolicy.Budget spin = new SpinPolicy.Budget(NettyRuntime.spinMicros() * 1000);
    /** Commands written and not yet answered, as of the last engine section. */
    private volatile int inFlight;
    /** Commands written whose answers are still to come, as of the last engine section: only then is a read worth blocking in. */
    private volatile int answersDue;
    private volatile boolean readWhileIdle;
    private volatile boolean autoRead = true;
    /** Received bytes not yet dispatched; used only by the thread holding the read role. */
    private ByteBuf inbound;
    /** Reads so far; the watcher sees from it whether a reader is still blocked in the same read. */
    private volatile long reads;
    /** The read that {@link #watch} saw blocked after its caller's request ended, and since when (timer thread only). */
    private long stuckRead = -1;
    private long stuckSince;

    SocketIo(SocketStream stream, SocketAddress serverAddress, EngineListener listener, int maxMessageSize) {
        this.stream = stream;
        this.serverAddress = serverAddress;
        this.maxMessageSize = maxMessageSize;
        this.fatal = new FatalErrorRecorder(listener);
        this.engine = new ProtocolEngine(this, fatal);
        this.writes = new WriteQueue(stream, this);
        SocketWatcher.watch(this);
    }

    /**
     * Checks the thread holding the read role, for {@link SocketWatcher}: cancels the request of
     * an interrupted caller, wakes a reader whose request already ended, and closes the
     * connection when such a read stays unanswered past {@link SocketWatcher#GIVE_UP_NANOS}.
     * Runs on the timer thread only.
     */
    void watch(long now) {
        Thread blocked = role.reader();
        CompletableFuture<?> awaited = role.readerAwaits();
        if (blocked == null || awaited == null) {
            stuckRead = -1;
            return;
        }
        if (blocked.isInterrupted() && !awaited.isDone()) {
            awaited.cancel(true); // sends the cancel request; the server's answer ends the read
        }
        if (!awaited.isDone()) {
            stuckRead = -1;
            return;
        }
        stream.wakeUp();
        long read = reads;
        if (read != stuckRead) {
            stuckRead = read;
            stuckSince = now;
        } else if (now - stuckSince > SocketWatcher.GIVE_UP_NANOS) {
            connectionClosed(new PgConnectionException("the server sent nothing for "
                    + TimeUnit.NANOSECONDS.toSeconds(SocketWatcher.GIVE_UP_NANOS)
                    + " s after a request timed out or was cancelled; the connection was closed"
                    + " so its caller is not left waiting"));
        }
    }

    // ---- Transport ---------------------------------------------------------------------------

    @Override
    public <T, C extends ResultCommand<T>> C submit(C command, long timeoutNanos) {
        command.future().cancelWith(this, command);
        if (timeoutNanos > 0) {
            CommandTimeouts.arm(command, timeoutNanos, SocketThreads.timer());
        }
        if (closing) {
            command.future().completeExceptionally(new PgConnectionException("the connection is closed"));
            return command;
        }
        enqueue(command);
        return command;
    }

    /** Starts the connection: runs the startup command first, on the calling thread. */
    void start(StartupCommand startup) {
        call(() -> {
            enqueue(startup);
            return startup.future();
        });
    }

    private void enqueue(Command command) {
        engineLock.lock();
        try {
            engine.enqueue(command);
        } finally {
            unlockEngine();
        }
        role.workArrived();
    }

    @Override
    public <T> T call(Supplier<CompletableFuture<T>> request) {
        role.checkNotReader();
        role.callerArrives();
        try {
            CompletableFuture<T> future = request.get();
            drive(future);
            return Futures.await(future);
        } finally {
            role.callerLeaves();
        }
    }

    @Override
    public <T> T await(CompletableFuture<T> future) {
        if (future.isDone()) {
            return Futures.await(future);
        }
        role.checkNotReader();
        role.callerArrives();
        try {
            drive(future);
            return Futures.await(future);
        } finally {
            role.callerLeaves();
        }
    }

    @Override
    public SessionState session() {
        return engine.session();
    }

    @Override
    public String serverKey() {
        return String.valueOf(serverAddress);
    }

    @Override
    public SocketAddress serverAddress() {
        return serverAddress;
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    @Override
    public boolean inIoThread() {
        return role.reader() == Thread.currentThread();
    }

    @Override
    public boolean isClosed() {
        return closing || closed.get();
    }

    @Override
    public int pendingCommands() {
        return inFlight;
    }

    @Override
    public CompletableFuture<Void> close() {
        if (!closing) {
            TerminateCommand terminate = new TerminateCommand();
            closing = true;
            enqueue(terminate); // whoever reads next sees the server's close after it
            SocketThreads.timer().schedule(() -> {
                if (!closed.get()) {
                    connectionClosed(ConnectionFailures.closed(null, true));
                }
            }, 10, TimeUnit.SECONDS);
        }
        return closeFuture;
    }

    @Override
    public CompletableFuture<Void> terminate() {
        closing = true;
        connectionClosed(ConnectionFailures.closed(null, true));
        return closeFuture;
    }

    @Override
    public void setAutoRead(boolean read) {
        autoRead = read;
        if (read) {
            role.workArrived(); // wakes the waiting reader, or starts a helper when nobody waits
        }
    }

    /** Returns true: streamed rows are read by the thread that wants them. */
    @Override
    public boolean readsOnDemand() {
        return true;
    }

    @Override
    public void execute(Runnable task) {
        engineLock.lock();
        try {
            deferred.add(task);
        } finally {
            unlockEngine();
        }
        role.workArrived();
    }

    @Override
    public void writeDirect(ByteBuf message, Runnable written) {
        engineLock.lock();
        try {
            ByteBuf before = takePending();
            if (before != null) {
                writes.enqueue(before);
            }
            writes.enqueue(message, written);
        } finally {
            unlockEngine();
        }
    }

    @Override
    public boolean isWritable() {
        return writes.hasRoom();
    }

    @Override
    public void keepReadingWhileIdle(boolean read) {
        readWhileIdle = read;
        if (read) {
            role.workArrived();
        }
    }

    @Override
    public void pollIdle() {
        if (answersDue > 0 || !autoRead || !role.tryTakeIdle()) {
            return;
        }
        try {
            ByteBuf in = inbound();
            int read = stream.readIfAvailable(in);
            if (read < 0) {
                connectionClosed(ConnectionFailures.closed(fatal.fatal(), closing));
            } else if (read > 0) {
                dispatch(in);
                if (fatal.fatal() != null) {
                    connectionClosed(ConnectionFailures.closed(fatal.fatal(), false)); // the close follows the FATAL
                }
            }
        } catch (IOException e) {
            connectionClosed(ConnectionFailures.broken(e));
        } finally {
            role.release();
        }
    }

    // ---- Outbound ----------------------------------------------------------------------------

    @Override
    public ByteBuf buffer() {
        if (pending == null) {
            pending = PooledByteBufAllocator.DEFAULT.heapBuffer(512);
        }
        return pending;
    }

    @Override
    public void requestFlush() {
        // the end of the current engine section writes whatever the buffer holds
    }

    /** Sends a cancel request; called with the engine lock held. Later commands wait until the server handled it. */
    @Override
    public void sendCancelRequest() {
        SessionState session = engine.session();
        if (session.secretKey() != null) {
            engine.cancelSending();
            SocketCancel.send(serverAddress, session.processId(), session.secretKey(), this::cancelHandled);
        }
    }

    private void cancelHandled() {
        engineLock.lock();
        try {
            engine.cancelDelivered();
        } finally {
            unlockEngine();
        }
        role.workArrived();
    }

    @Override
    public void whenWritable(Runnable task) {
        writableTask = task;
    }

    // ---- Canceller, WriteQueue.Owner ---------------------------------------------------------

    @Override
    public void cancel(ResultCommand<?> command) {
        engineLock.lock();
        try {
            engine.stop(command);
        } finally {
            unlockEngine();
        }
    }

    @Override
    public boolean runWritableTask() {
        engineLock.lock();
        try {
            Runnable task = writableTask;
            writableTask = null;
            if (task == null || closed.get()) {
                return false;
            }
            task.run();
            return true;
        } catch (RuntimeException e) {
            fail(e);
            return false;
        } finally {
            unlockEngine();
        }
    }

    @Override
    public void writeFailed(IOException error) {
        fail(error);
    }

    // ---- engine sections ---------------------------------------------------------------------

    /**
     * Leaves an engine section; the outermost one first runs deferred tasks, then queues what the
     * engine wrote (in engine order, still under the lock) and gets it onto the wire after
     * releasing the lock.
     */
    private void unlockEngine() {
        if (engineLock.getHoldCount() > 1) {
            engineLock.unlock();
            return;
        }
        boolean streaming;
        try {
            runDeferred();
            ByteBuf out = takePending();
            if (out != null) {
                writes.enqueue(out);
            }
            streaming = writableTask != null;
            inFlight = engine.inFlightCount();
            answersDue = engine.answersDue();
        } finally {
            engineLock.unlock();
        }
        writes.flush(streaming);
    }

    private void runDeferred() {
        Runnable task;
        while ((task = deferred.pollFirst()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                fail(e);
            }
        }
    }

    private ByteBuf takePending() {
        ByteBuf out = pending;
        pending = null;
        if (out != null && !out.isReadable()) {
            out.release();
            return null;
        }
        return out;
    }

    // ---- the read role -----------------------------------------------------------------------

    /** Reads (or waits for the reader) until {@code future} is done. */
    private void drive(CompletableFuture<?> future) {
        while (!future.isDone()) {
            if (closed.get()) {
                // nothing more arrives; what is left completes without the socket
                role.awaitChange(() -> !future.isDone(), future);
                continue;
            }
            if (!role.takeOrWait(future)) {
                return;
            }
            try {
                while (!future.isDone() && readOnce(future)) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw ReadRole.interrupted(future, null);
                    }
                }
            } finally {
                role.release();
            }
        }
    }

    @Override
    public boolean socketClosed() {
        return closed.get();
    }

    @Override
    public boolean wantsReader() {
        // While reading is paused (a slow consumer of streamed data) nobody should read: no helper is parked for it.
        return autoRead && (answersDue > 0 || readWhileIdle);
    }

    /** A helper thread's turn at the read role: reads while answers are due or notifications are wanted. */
    @Override
    public void readAsHelper() {
        while (!closed.get() && wantsReader() && readOnce(null)) {
            // reading
        }
    }

    /**
     * Reads once and dispatches what arrived; when nothing can arrive (no command in flight and
     * no notifications wanted) or reading is paused, waits for that to change instead.
     *
     * @param waitingFor the caller's future, whose completion also ends a wait; null for the helper
     * @return false when the connection is closed
     */
    private boolean readOnce(CompletableFuture<?> waitingFor) {
        if (closed.get()) {
            return false;
        }
        if (!autoRead || (answersDue == 0 && !readWhileIdle)) {
            if (waitingFor == null && autoRead) {
                return false; // the helper has nothing to do
            }
            waitForWork(waitingFor);
            return true;
        }
        ByteBuf in = inbound();
        int read;
        try {
            read = waitingFor != null ? checkBriefly(in) : 0;
            if (read == 0) {
                read = stream.read(in);
            }
            reads++;
        } catch (IOException e) {
            connectionClosed(closing || closed.get() ? ConnectionFailures.closed(fatal.fatal(), closing)
                    : ConnectionFailures.broken(e));
            return false;
        }
        if (read < 0) {
            connectionClosed(ConnectionFailures.closed(fatal.fatal(), closing));
            return false;
        }
        if (read == 0) {
            return true; // woken: the caller looks at its future and interrupt status
        }
        dispatch(in);
        if (role.hasFollowers()) {
            role.signal();
        }
        return !closed.get();
    }

    /** Hands every complete message in {@code in} to the engine (read role held). */
    private void dispatch(ByteBuf in) {
        engineLock.lock();
        try {
            BackendFrames.dispatch(in, maxMessageSize, engine);
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            unlockEngine();
        }
        if (!in.isReadable()) {
            in.clear();
        }
    }

    /**
     * Looks for the answer without blocking, yielding the CPU between looks, for up to the
     * polling budget ({@code -Dpgjet.spinMicros}) before the caller blocks in the read: a quick
     * answer is then taken by a thread that is still running instead of one the kernel must wake
     * (slow on virtual machines). {@link SpinPolicy} skips it while the machine is busy or after
     * looks stop paying, so it never takes CPU the server needs.
     *
     * @return what was read, 0 if nothing came within the budget
     */
    private int checkBriefly(ByteBuf in) throws IOException {
        long budget = spin.nanosForThisWait();
        if (budget <= 0) {
            return 0;
        }
        long deadline = System.nanoTime() + budget;
        do {
            int read = stream.readIfAvailable(in);
            if (read != 0) {
                spin.record(true);
                return read;
            }
            Thread.yield();
        } while (System.nanoTime() - deadline < 0);
        spin.record(false);
        return 0;
    }

    private ByteBuf inbound() {
        ByteBuf in = inbound;
        if (in == null) {
            in = inbound = Unpooled.buffer(READ_SPACE * 2);
        }
        if (in.writableBytes() < READ_SPACE) {
            in.discardReadBytes();
            int needed = in.isReadable() ? BackendFrames.partialFrameSize(in) - in.readableBytes() : 0;
            in.ensureWritable(Math.max(READ_SPACE, needed));
        }
        return in;
    }

    private void waitForWork(CompletableFuture<?> waitingFor) {
        if (waitingFor != null) {
            waitingFor.whenComplete((value, error) -> role.signal());
        }
        role.awaitChange(() -> !closed.get() && (waitingFor == null || !waitingFor.isDone())
                && (!autoRead || answersDue == 0 && !readWhileIdle), waitingFor);
    }

    // ---- failure and close -------------------------------------------------------------------

    private void fail(Throwable cause) {
        connectionClosed(ConnectionFailures.broken(cause));
    }

    /** Closes the socket once and fails every pending command with {@code cause}. */
    private void connectionClosed(Throwable cause) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        SocketWatcher.forget(this);
        stream.close();
        writes.close();
        engineLock.lock();
        try {
            engine.connectionLost(cause);
            deferred.clear();
            writableTask = null;
            ByteBuf out = pending;
            pending = null;
            if (out != null) {
                out.release();
            }
            inFlight = 0;
            answersDue = 0;
        } finally {
            engineLock.unlock();
        }
        closeFuture.complete(null);
        role.signal();
    }
}
