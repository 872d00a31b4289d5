package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What a connection's verbs need from the transport that drives its {@link ProtocolEngine}: one
 * engine, two transports. {@code ConnectionIo} runs the engine on a Netty event loop (many
 * pipelined callers, notifications while idle); {@code SocketIo} lets the calling thread write
 * and read the socket itself (blocking callers, no hand-off between threads).
 *
 * <p>Every method may be called from any thread unless it says otherwise.
 */
public interface Transport extends io.pgjet.internal.blocking.Awaiter {
    /**
     * Queues a command; its messages are written in submission order, pipelined behind earlier
     * commands, and its future gets cancel and timeout hooks.
     *
     * @param timeoutNanos command timeout, 0 for none
     * @return {@code command}
     */
    <T, C extends ResultCommand<T>> C submit(C command, long timeoutNanos);

    /**
     * Waits for {@code future}, a result of this connection's commands, and returns its value,
     * rethrowing its failure as the PgJet exception it carries. A caller-driven transport reads
     * the socket on the calling thread meanwhile (completing other callers' commands too).
     * Never holds a monitor while waiting.
     */
    <T> T await(CompletableFuture<T> future);

    /**
     * Issues {@code request} (which submits commands of this connection) and waits for the future
     * it returns, like {@link #await}. Preferred by blocking callers: a caller-driven transport
     * then knows before anything is written that the caller will read the answer itself.
     */
    @Override
    <T> T call(Supplier<CompletableFuture<T>> request);

    /** Returns the session state the server reported. */
    SessionState session();

    /** Returns a key naming the server this connection talks to (its socket address). */
    String serverKey();

    /** Returns the address this connection is connected to (TCP or Unix socket). */
    java.net.SocketAddress serverAddress();

    /** Returns a future completing when the connection is closed, for whatever reason. */
    CompletableFuture<Void> closeFuture();

    /** Returns whether the calling thread is the thread that reads this connection's socket now. */
    boolean inIoThread();

    /** Returns whether the connection is closed or closing. */
    boolean isClosed();

    /** Returns the number of commands queued or in flight. */
    int pendingCommands();

    /**
     * Closes gracefully: commands already submitted finish, then Terminate is sent. Later
     * submissions fail at once. The future completes when the socket is closed.
     */
    CompletableFuture<Void> close();

    /** Closes the socket at once; every pending command fails with PgConnectionException. */
    CompletableFuture<Void> terminate();

    /**
     * Stops or resumes reading from the socket, so a slow consumer of streamed data (COPY OUT)
     * holds the server back instead of filling memory.
     */
    void setAutoRead(boolean read);

    /**
     * Returns whether this transport reads only when a caller waits for an answer (the
     * caller-driven socket), so a streamed result should be read on demand rather than ahead.
     */
    default boolean readsOnDemand() {
        return false;
    }

    /** Runs {@code task} later, with the engine to itself (on its I/O thread, or under its lock). */
    void execute(Runnable task);

    /**
     * Writes one message built outside the engine (COPY data) after everything written before it;
     * takes ownership of {@code message} and runs {@code written} once it is on the socket (or
     * dropped because the connection closed). Call it with the engine to itself ({@link #execute}).
     */
    void writeDirect(ByteBuf message, Runnable written);

    /**
     * Returns whether the outbound side has room: false while more is waiting to be written than
     * a producer should add to (a COPY source then waits for its writes to complete).
     */
    boolean isWritable();

    /**
     * Tells the transport whether to keep reading while no command is in flight, so
     * notifications arrive while the connection is idle (LISTEN). The event-loop transport always
     * reads; the caller-driven one starts a reader thread of its own while this is on.
     */
    void keepReadingWhileIdle(boolean read);

    /**
     * Reads, without blocking, whatever arrived while no command was in flight (a FATAL error
     * before the server closed the session, a notice), so an idle connection that nobody reads
     * notices its end. Does nothing while a command is in flight or someone reads.
     */
    void pollIdle();
}
