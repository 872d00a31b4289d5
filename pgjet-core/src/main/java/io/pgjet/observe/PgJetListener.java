package io.pgjet.observe;

/**
 * Hears what connections and pools do, for metrics, tracing and logs. Every method has an empty
 * default, so an implementation overrides only what it needs.
 *
 * <p><b>Threads.</b> {@link #operationStarted} runs on the thread that called the verb (so an
 * adapter can pick up the caller's current span or observation there). {@link #operationEnded}
 * runs when the operation's answer arrives, often on a PgJet I/O thread, before the caller's
 * future completes: it must be quick and must not block. Pipelined requests end in the order
 * their answers arrive, not when the next one is written.
 *
 * <p><b>Context.</b> Whatever {@code operationStarted} returns is handed back to
 * {@code operationEnded} for the same operation, so an adapter keeps its per-request state (a
 * span, an observation, a start time) there and nowhere else.
 *
 * <p>A listener that throws does not break the operation: PgJet logs the exception at WARNING
 * and goes on.
 */
public interface PgJetListener {

    /**
     * Called on the caller's thread when an operation starts.
     *
     * @param operation what starts
     * @return a context object handed to {@link #operationEnded} for this operation, or {@code null}
     */
    default Object operationStarted(Operation operation) {
        return null;
    }

    /**
     * Called once when an operation ends, successfully or not.
     *
     * @param operation the operation {@link #operationStarted} saw
     * @param context what {@link #operationStarted} returned for it
     * @param outcome how it ended
     */
    default void operationEnded(Operation operation, Object context, Outcome outcome) {
    }

    /**
     * Returns a value for the session's {@code application_name} while this operation runs, such
     * as a W3C {@code traceparent}, so {@code pg_stat_activity} (and {@code %a} in the server's
     * {@code log_line_prefix}) show which trace a running statement belongs to. Called on the
     * caller's thread right after {@link #operationStarted}, for the same operations as
     * {@link #sqlComment}. PgJet then sends {@code set_config('application_name', value, false)}
     * just before the statement, pipelined in the same round trip (a cached statement: Bind and
     * Execute only): one more statement for the server per operation, no extra round trip. The
     * value is not restored afterwards (that would cost another statement): an idle session shows
     * the last one. The server keeps at most 63 bytes of it; if the set fails (in an aborted
     * transaction) the statement runs anyway and fails on its own.
     *
     * @param operation the operation that just started
     * @param context what {@link #operationStarted} returned for it
     * @return the application name to set, or {@code null} to leave it alone, the default
     */
    default String applicationName(Operation operation, Object context) {
        return null;
    }

    /**
     * Returns a comment to send in front of the statement's SQL text, such as a W3C
     * {@code traceparent} in sqlcommenter form, so the server's logs and
     * {@code pg_stat_activity} can be joined with the trace. Called on the caller's thread right
     * after {@link #operationStarted}, for {@link OperationKind#QUERY} operations of
     * {@code execute}, {@code fetch}, {@code fetchRow} and {@code fetchVal} only. A statement
     * sent with a comment is not cached as a prepared statement (each text would be new), so
     * this costs a Parse per query: leave it off unless needed.
     *
     * @param operation the operation that just started
     * @param context what {@link #operationStarted} returned for it
     * @return the comment's text (PgJet adds {@code /*} and its end and defuses a comment end
     *     inside), or {@code null} for none, the default
     */
    default String sqlComment(Operation operation, Object context) {
        return null;
    }

    /**
     * Called when a pool opens, closes or gets back a connection.
     *
     * @param event what happened
     */
    default void poolEvent(PoolEvent event) {
    }
}
