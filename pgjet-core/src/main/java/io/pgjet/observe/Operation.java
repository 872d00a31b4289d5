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
    private final Operation transaction;

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
        this(kind, sql, table, arguments, server, null);
    }

    /**
     * Creates an operation description that runs inside a transaction PgJet reported.
     *
     * @param kind what the operation does
     * @param sql the SQL text, or {@code null} when there is none (connect, acquire, a COPY of a table)
     * @param table the table a COPY reads or writes, or {@code null}
     * @param arguments the bound arguments, or {@code null} for none or for a batch
     * @param server the server and database
     * @param transaction the innermost {@link OperationKind#TRANSACTION} operation open on the
     *     connection when this one started, or {@code null}
     */
    public Operation(OperationKind kind, String sql, String table, Object[] arguments, ServerInfo server,
            Operation transaction) {
        this.transaction = transaction;
        this.kind = kind;
        this.sql = sql;
        this.table = table;
        this.arguments = arguments;
        this.server = server;
    }

    /**
     * Returns the innermost transaction (or savepoint) begun through PgJet's transaction API that
     * was open on the connection when this operation started, so an adapter can make this
     * operation's span a child of the transaction's: the same object that was passed to
     * {@link PgJetListener#operationStarted} for that transaction (compare by identity). The BEGIN
     * and COMMIT (or ROLLBACK) statements of a transaction belong to it; a savepoint's
     * transaction is the one it is nested in. A block begun with SQL {@code BEGIN} is not one.
     *
     * @return the enclosing transaction operation, or {@code null}
     */
    public Operation transaction() {
        return transaction;
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
