package io.pgjet.internal.observe;

import io.pgjet.internal.blocking.Futures;
import io.pgjet.internal.engine.CommandFuture;
import io.pgjet.observe.Operation;
import io.pgjet.observe.Outcome;
import io.pgjet.observe.PgJetListener;
import io.pgjet.observe.PoolEvent;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Calls listeners for PgJet's doors. Callers keep the listener in a field that is {@code null}
 * when nobody listens and test it before anything else, so the unobserved path allocates
 * nothing and makes no call.
 */
public final class Observers {
    private static final System.Logger LOG = System.getLogger("io.pgjet.observe");

    private Observers() {
    }

    /** Returns one listener calling all of {@code listeners} in order, or null when there are none. */
    public static PgJetListener combine(List<PgJetListener> listeners) {
        if (listeners.isEmpty()) {
            return null;
        }
        return listeners.size() == 1 ? listeners.get(0) : new Composite(listeners.toArray(new PgJetListener[0]));
    }

    /**
     * Reports {@code operation} as started now, on the calling thread, before anything is sent;
     * {@link Started#end} then reports how it ended.
     */
    public static Started start(PgJetListener listener, Operation operation) {
        return new Started(listener, operation, System.nanoTime(), started(listener, operation));
    }

    /** An operation whose start was reported: what its end needs. */
    public static final class Started {
        private final PgJetListener listener;
        private final Operation operation;
        private final long startNanos;
        private final Object context;

        private Started(PgJetListener listener, Operation operation, long startNanos, Object context) {
            this.listener = listener;
            this.operation = operation;
            this.startNanos = startNanos;
            this.context = context;
        }

        /** Returns the operation whose start was reported. */
        public Operation operation() {
            return operation;
        }

        /**
         * Returns a future that completes like {@code result}, after the listener heard how it
         * ended: a caller that sees the result can rely on the end callback having run. Null
         * functions (or a null value) report -1 rows and no command tag.
         */
        public <T> CompletableFuture<T> end(CompletableFuture<T> result, ToLongFunction<T> rows,
                Function<T, String> tag) {
            return end(result, rows, tag, Function.identity());
        }

        /**
         * Like {@link #end(CompletableFuture, ToLongFunction, Function)}, and the caller's future
         * gets {@code mapper} applied to the result (in the same step: no further stage).
         */
        public <T, R> CompletableFuture<R> end(CompletableFuture<T> result, ToLongFunction<T> rows,
                Function<T, String> tag, Function<? super T, ? extends R> mapper) {
            // Not result.whenComplete(report): a caller cancelling that derived future completes
            // it first, and its action would then never run. The report hangs off the request
            // itself; the caller's future follows it and forwards a cancel back to the request.
            CompletableFuture<R> caller = result.newIncompleteFuture();
            result.whenComplete((value, error) -> {
                report(value, error, rows, tag);
                if (error != null) {
                    caller.completeExceptionally(error);
                    return;
                }
                R mapped;
                try {
                    mapped = mapper.apply(value);
                } catch (RuntimeException | Error e) {
                    caller.completeExceptionally(e);
                    return;
                }
                caller.complete(mapped);
            });
            if (!(result instanceof CommandFuture)) {
                // A command's future made the caller's future with newIncompleteFuture, which
                // forwards a cancel by itself; any other future needs telling.
                caller.whenComplete((value, error) -> {
                    if (error instanceof java.util.concurrent.CancellationException) {
                        result.cancel(true);
                    }
                });
            }
            return caller;
        }

        private <T> void report(T value, Throwable error, ToLongFunction<T> rows, Function<T, String> tag) {
            if (error != null) {
                failed(error);
                return;
            }
            long count = -1;
            String commandTag = null;
            try {
                count = value == null || rows == null ? -1 : rows.applyAsLong(value);
                commandTag = value == null || tag == null ? null : tag.apply(value);
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "could not read the row count of a result", e);
            }
            ended(listener, operation, context, new Outcome(count, commandTag, null, System.nanoTime() - startNanos));
        }

        /**
         * Returns the SQL to send for the started operation: {@code sql} itself, or with the
         * listeners' comment in front (a comment end inside it defused).
         */
        public String commented(String sql) {
            String comment;
            try {
                comment = listener.sqlComment(operation, context);
            } catch (RuntimeException | LinkageError e) {
                Observers.failed(listener, e);
                return sql;
            }
            return comment == null ? sql : "/*" + comment.replace("*/", "* /") + "*/ " + sql;
        }

        /** Returns the application name the listeners want set for the started operation, or null. */
        public String applicationName() {
            try {
                return listener.applicationName(operation, context);
            } catch (RuntimeException | LinkageError e) {
                Observers.failed(listener, e);
                return null;
            }
        }

        /** Reports a failure (a wrapping CompletionException is taken off). */
        public void failed(Throwable error) {
            ended(listener, operation, context, new Outcome(-1, null, Futures.unwrap(error), System.nanoTime() - startNanos));
        }

        /** Reports a success without a result. */
        public void succeeded(long rows, String commandTag) {
            ended(listener, operation, context, new Outcome(rows, commandTag, null, System.nanoTime() - startNanos));
        }
    }

    /** Calls {@code operationStarted}, logging (not throwing) what it throws. */
    public static Object started(PgJetListener listener, Operation operation) {
        try {
            return listener.operationStarted(operation);
        } catch (RuntimeException | LinkageError e) {
            failed(listener, e);
            return null;
        }
    }

    /** Calls {@code operationEnded}, logging (not throwing) what it throws. */
    public static void ended(PgJetListener listener, Operation operation, Object context, Outcome outcome) {
        try {
            listener.operationEnded(operation, context, outcome);
        } catch (RuntimeException | LinkageError e) {
            failed(listener, e);
        }
    }

    /** Calls {@code poolEvent}, logging (not throwing) what it throws. */
    public static void poolEvent(PgJetListener listener, PoolEvent event) {
        try {
            listener.poolEvent(event);
        } catch (RuntimeException | LinkageError e) {
            failed(listener, e);
        }
    }

    private static void failed(PgJetListener listener, Throwable e) {
        LOG.log(Level.WARNING, "listener " + listener.getClass().getName() + " threw; PgJet ignored it", e);
    }

    /** Several listeners: each gets its own context, kept in one array per operation. */
    private static final class Composite implements PgJetListener {
        private final PgJetListener[] listeners;

        Composite(PgJetListener[] listeners) {
            this.listeners = listeners;
        }

        @Override
        public Object operationStarted(Operation operation) {
            Object[] contexts = new Object[listeners.length];
            for (int i = 0; i < listeners.length; i++) {
                contexts[i] = started(listeners[i], operation);
            }
            return contexts;
        }

        @Override
        public void operationEnded(Operation operation, Object context, Outcome outcome) {
            Object[] contexts = (Object[]) context;
            // Ended in reverse order, as nested scopes close.
            for (int i = listeners.length - 1; i >= 0; i--) {
                ended(listeners[i], operation, contexts[i], outcome);
            }
        }

        @Override
        public String sqlComment(Operation operation, Object context) {
            Object[] contexts = (Object[]) context;
            String joined = null;
            for (int i = 0; i < listeners.length; i++) {
                String comment;
                try {
                    comment = listeners[i].sqlComment(operation, contexts[i]);
                } catch (RuntimeException | LinkageError e) {
                    failed(listeners[i], e);
                    comment = null;
                }
                if (comment != null) {
                    joined = joined == null ? comment : joined + "," + comment;
                }
            }
            return joined;
        }

        @Override
        public String applicationName(Operation operation, Object context) {
            Object[] contexts = (Object[]) context;
            for (int i = 0; i < listeners.length; i++) {
                try {
                    String name = listeners[i].applicationName(operation, contexts[i]);
                    if (name != null) {
                        return name; // the first listener that asks wins: there is one name
                    }
                } catch (RuntimeException | LinkageError e) {
                    failed(listeners[i], e);
                }
            }
            return null;
        }

        @Override
        public void poolEvent(PoolEvent event) {
            for (PgJetListener listener : listeners) {
                Observers.poolEvent(listener, event);
            }
        }
    }
}
