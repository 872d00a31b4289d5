package io.pgjet.internal.net;

import io.pgjet.PgConnectionException;
import io.pgjet.PgHost;
import io.pgjet.TargetSessionAttrs;
import io.pgjet.internal.engine.SimpleQueryCommand;
import io.pgjet.internal.engine.Transport;
import io.pgjet.internal.result.StatementResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Checks a fresh connection against {@code target_session_attrs}, as libpq does: asks the server
 * whether it is in recovery (a standby) and whether sessions default to read-only, and refuses
 * the host (closing the connection) when it is not what was asked for.
 */
public final class SessionAttributes {
    private SessionAttributes() {}

    /**
     * Whether a server that is (or is not) a standby and has (or has not) read-only sessions is
     * what {@code wanted} asks for; {@code prefer-standby} and {@code any} take every server.
     */
    public static boolean matches(TargetSessionAttrs wanted, boolean standby, boolean readOnly) {
        switch (wanted) {
            case PRIMARY: return !standby;
            case STANDBY: return standby;
            case READ_WRITE: return !readOnly;
            case READ_ONLY: return readOnly;
            default: return true;
        }
    }

    static CompletableFuture<Transport> check(Transport io, PgHost host, TargetSessionAttrs wanted) {
        if (wanted == TargetSessionAttrs.ANY) {
            return CompletableFuture.completedFuture(io);
        }
        SimpleQueryCommand probe = new SimpleQueryCommand(
                "select pg_catalog.pg_is_in_recovery(), pg_catalog.current_setting('transaction_read_only')");
        return io.submit(probe, 0).future().thenApply(results -> {
            List<StatementResult> answers = results;
            boolean standby = "t".equals(answers.get(0).rows().get(0).getString(0));
            boolean readOnly = "on".equals(answers.get(0).rows().get(0).getString(1));
            if (!matches(wanted, standby, readOnly)) {
                io.terminate();
                throw new PgConnectionException("the server at " + host + " is " + (standby ? "a standby" : "a primary")
                        + (readOnly ? " with read-only sessions" : " with read-write sessions")
                        + ", but target_session_attrs=" + wanted.name().toLowerCase().replace('_', '-'));
            }
            return io;
        });
    }
}
