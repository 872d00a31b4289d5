package io.pgjet.internal.engine;

import io.pgjet.protocol.ServerMessage;

/**
 * Passes asynchronous server messages on to a connection's listener and remembers the last
 * FATAL (or PANIC) error, so a transport can name it when the server then closes the socket.
 */
public final class FatalErrorRecorder implements EngineListener {
    private final EngineListener delegate;
    private volatile ServerMessage fatal;

    /** Wraps {@code delegate}. */
    public FatalErrorRecorder(EngineListener delegate) {
        this.delegate = delegate;
    }

    /** Returns the last FATAL or PANIC error received, or null. */
    public ServerMessage fatal() {
        return fatal;
    }

    @Override
    public void notice(ServerMessage notice) {
        delegate.notice(notice);
    }

    @Override
    public void notification(int processId, String channel, String payload) {
        delegate.notification(processId, channel, payload);
    }

    @Override
    public void fatalError(ServerMessage error) {
        fatal = error;
        delegate.fatalError(error);
    }
}
