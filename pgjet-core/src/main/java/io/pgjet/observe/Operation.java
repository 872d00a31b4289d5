package io.pgjet.observe;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One observed operation as a listener sees it when it starts. Immutable, except that the
 * arguments are the caller's own objects: a listener must not change them.
 */
public final class Operation {
    private final OperationKind kind;
    private final String sql;
    private final String table;
    private final Object[] arguments;
    private final ServerInfo server;

    /**
     * Creates an operation description; PgJet makes these, adapters' tests may too.
     *
     * @param kind what the operation does
     * @param sql the SQL text, or {@code null} when there is none (connect, acquire, a COPY of a table)
     * @param table the table a COPY reads or writes, or {@code null}
     * @param arguments the bound arguments, or {@code null} for none or for a batch
     * @param server the server and database
     */
    public Operation(OperationKind kind, String sql, String table, Object[] arguments, ServerInfo server) {
        this.kind = kind;
        this.sql = sql;
        this.table = table;
        this.arguments = arguments;
        this.server = server;
    }

    /**
     * Returns what the operation does.
     *
     * @return the kind
     */
    public OperationKind kind() {
        return kind;
    }

    /**
     * Returns the SQL text as the caller gave it (parameters as {@code $1..$n}, never values).
     *
     * @return the SQL, or {@code null} when the operation has none
     */
    public String sql() {
        return sql;
    }

    /**
     * Returns the table of a COPY to or from a table.
     *
     * @return the table as the caller named it, or {@code null}
     */
    public String table() {
        return table;
    }

    /**
     * Returns how many arguments are bound.
     *
     * @return the count (0 for none, and for a batch)
     */
    public int argumentCount() {
        return arguments == null ? 0 : arguments.length;
    }

    /**
     * Returns the bound argument values. They may be secrets: an adapter should only record
     * them when its user explicitly asked for it.
     *
     * @return an unmodifiable view (empty for none)
     */
    public List<Object> arguments() {
        return arguments == null ? List.of() : Collections.unmodifiableList(Arrays.asList(arguments));
    }

    /**
     * Returns the server the operation talks to.
     *
     * @return the server
     */
    public ServerInfo server() {
        return server;
    }

    /**
     * Describes the operation without its arguments.
     *
     * @return kind, SQL or table, and server
     */
    @Override
    public String toString() {
        return kind + (sql != null ? " " + sql : table != null ? " " + table : "") + " on " + server.address() + ":"
                + server.port() + "/" + server.database();
    }
}
