package io.pgjet.internal.conn;

import io.pgjet.Notice;
import io.pgjet.Notification;
import io.pgjet.QueryRecord;
import io.pgjet.internal.engine.EngineListener;
import io.pgjet.internal.net.NettyRuntime;
import io.pgjet.internal.observe.Observers;
import io.pgjet.observe.Operation;
import io.pgjet.observe.OperationKind;
import io.pgjet.observe.Outcome;
import io.pgjet.observe.PgJetListener;
import io.pgjet.protocol.ServerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The user callbacks of one connection: notification listeners per channel, log (notice)
 * listeners and termination listeners. Messages arrive on the I/O thread and are handed to a
 * serial executor, so callbacks never run on, or block, the I/O thread and keep arrival order.
 */
final class ConnectionListeners implements EngineListener {
    private final Map<String, List<Consumer<Notification>>> channels = new ConcurrentHashMap<>();
    private final List<Consumer<Notice>> logListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> terminationListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<QueryRecord>> queryLoggers = new CopyOnWriteArrayList<>();
    private final SerialExecutor callbacks = new SerialExecutor(NettyRuntime.shared().blockingWork());
    /** The configured listeners; query loggers are one more listener, added while there are any. */
    private final List<PgJetListener> configured;
    private final PgJetListener queryLogging = new QueryLogging();
    /** Everyone to tell about operations, or null when nobody listens (the common, free path). */
    private volatile PgJetListener observer;

    ConnectionListeners(List<PgJetListener> configured) {
        this.configured = List.copyOf(configured);
        this.observer = Observers.combine(this.configured);
    }

    /** Returns the listener to report operations to, or null when there is none. */
    PgJetListener observer() {
        return observer;
    }

    /** Adds a channel listener; returns true when it is the channel's first (LISTEN needed). */
    boolean addChannelListener(String channel, Consumer<Notification> listener) {
        boolean[] first = {false};
        channels.compute(channel, (name, list) -> {
            if (list == null) {
                list = new CopyOnWriteArrayList<>();
                first[0] = true;
            }
            list.add(listener);
            return list;
        });
        return first[0];
    }

    /** Removes a channel listener; returns true when it was the channel's last (UNLISTEN needed). */
    boolean removeChannelListener(String channel, Consumer<Notification> listener) {
        boolean[] last = {false};
        channels.computeIfPresent(channel, (name, list) -> {
            if (list.remove(listener) && list.isEmpty()) {
                last[0] = true;
                return null;
            }
            return list;
        });
        return last[0];
    }

    /** Returns whether any channel has a listener (the connection must read while idle). */
    boolean hasChannelListeners() {
        return !channels.isEmpty();
    }

    void addLogListener(Consumer<Notice> listener) {
        logListeners.add(listener);
    }

    void removeLogListener(Consumer<Notice> listener) {
        logListeners.remove(listener);
    }

    synchronized void addQueryLogger(Consumer<QueryRecord> logger) {
        queryLoggers.add(logger);
        rebuild();
    }

    synchronized void removeQueryLogger(Consumer<QueryRecord> logger) {
        queryLoggers.remove(logger);
        rebuild();
    }

    private void rebuild() {
        List<PgJetListener> all = new ArrayList<>(configured);
        if (!queryLoggers.isEmpty()) {
            all.add(queryLogging);
        }
        observer = Observers.combine(all);
    }

    /** Query loggers are a listener of statements and batches; they are called off the I/O thread, in order. */
    private final class QueryLogging implements PgJetListener {
        @Override
        public void operationEnded(Operation operation, Object context, Outcome outcome) {
            if (operation.kind() != OperationKind.QUERY && operation.kind() != OperationKind.BATCH) {
                return;
            }
            QueryRecord record = new QueryRecord(operation.sql(),
                    operation.kind() == OperationKind.BATCH ? -1 : operation.argumentCount(),
                    Duration.ofNanos(outcome.durationNanos()), outcome.rows(), outcome.error());
            for (Consumer<QueryRecord> logger : queryLoggers) {
                callbacks.execute(() -> logger.accept(record));
            }
        }
    }

    /** Forgets every channel listener (after UNLISTEN *). */
    void clearChannelListeners() {
        channels.clear();
    }

    void addTerminationListener(Runnable listener) {
        terminationListeners.add(listener);
    }

    void terminated() {
        for (Runnable listener : terminationListeners) {
            callbacks.execute(listener);
        }
    }

    @Override
    public void notice(ServerMessage notice) {
        if (logListeners.isEmpty()) {
            return;
        }
        Notice value = new Notice(notice.fields());
        for (Consumer<Notice> listener : logListeners) {
            callbacks.execute(() -> listener.accept(value));
        }
    }

    @Override
    public void notification(int processId, String channel, String payload) {
        List<Consumer<Notification>> listeners = channels.get(channel);
        if (listeners == null) {
            return;
        }
        Notification value = new Notification(processId, channel, payload);
        for (Consumer<Notification> listener : listeners) {
            callbacks.execute(() -> listener.accept(value));
        }
    }

    @Override
    public void fatalError(ServerMessage error) {
        // reported to pending commands through the connection-loss exception
    }
}
