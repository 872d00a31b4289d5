package io.pgjet.internal.conn;

import io.pgjet.PgInterfaceException;
import io.pgjet.internal.engine.CopyInCommand;
import io.pgjet.internal.engine.CopyOutCommand;
import io.pgjet.internal.engine.ResultCommand;
import io.pgjet.internal.engine.SimpleQueryCommand;

/**
 * Refuses, before anything is written, the verbs a {@code replication=database} connection's
 * server would refuse: a walsender takes only the simple query protocol (SQL text and replication
 * commands), never Parse/Bind/Execute. Failing here gives one clear message instead of the
 * server's "extended query protocol not supported in a replication connection".
 */
final class ReplicationGuard {
    private ReplicationGuard() {}

    /** Returns whether {@code command} uses only the simple query protocol. */
    static boolean allows(ResultCommand<?> command) {
        return command instanceof SimpleQueryCommand || command instanceof CopyOutCommand
                || command instanceof CopyInCommand;
    }

    /** Returns the failure for a verb that needs the extended query protocol. */
    static PgInterfaceException refused(ResultCommand<?> command) {
        String what = command == null ? "stream" : command.getClass().getSimpleName();
        return new PgInterfaceException("a replication=database connection takes only the simple query protocol:"
                + " use executeScript(sql) for SQL (no $n parameters) and io.pgjet.replication for replication"
                + " commands; fetch/execute with parameters, prepare, cursors, streams and executeMany are"
                + " refused by the server there (" + what + ")");
    }
}
