package io.pgjet.internal.replication;

import io.pgjet.ConnectionConfig;
import io.pgjet.PgInterfaceException;
import io.pgjet.QueryResult;
import io.pgjet.Row;
import io.pgjet.internal.conn.RealConnection;
import io.pgjet.replication.Lsn;
import io.pgjet.replication.ReplicationConnection;
import io.pgjet.replication.ReplicationOptions;
import io.pgjet.replication.ReplicationSlot;
import io.pgjet.replication.ReplicationStream;
import io.pgjet.replication.SystemIdentity;
import io.pgjet.Notice;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;

/**
 * A replication connection over a {@link RealConnection} opened with {@code replication=database}
 * on the event-loop transport. Replication commands other than START_REPLICATION answer like
 * simple queries (a one-row result set), so they run as such.
 */
public final class RealReplicationConnection implements ReplicationConnection {
    private final RealConnection conn;
    private final java.util.concurrent.atomic.AtomicBoolean streamed = new java.util.concurrent.atomic.AtomicBoolean();

    private RealReplicationConnection(RealConnection conn) {
        this.conn = conn;
    }

    /**
     * Opens the connection; {@code config.replication()} must be on.
     *
     * @param config the settings
     * @return the connection
     */
    public static CompletableFuture<ReplicationConnection> connect(ConnectionConfig config) {
        return RealConnection.connect(config).thenApply(RealReplicationConnection::new);
    }

    @Override
    public CompletableFuture<SystemIdentity> identifySystem() {
        return single("IDENTIFY_SYSTEM").thenApply(row -> new SystemIdentity(row.getString(0),
                Integer.parseInt(row.getString(1)), Lsn.parse(row.getString(2)), row.getString(3)));
    }

    @Override
    public CompletableFuture<ReplicationSlot> createLogicalSlot(String name, boolean temporary) {
        String slot = checkName(name);
        return single("CREATE_REPLICATION_SLOT " + slot + (temporary ? " TEMPORARY" : "") + " LOGICAL pgoutput")
                .thenApply(row -> new ReplicationSlot(row.getString(0),
                        row.isNull(1) ? Lsn.INVALID : Lsn.parse(row.getString(1)), row.getString(2), row.getString(3)));
    }

    @Override
    public CompletableFuture<Void> dropSlot(String name) {
        return conn.executeScript("DROP_REPLICATION_SLOT " + checkName(name) + " WAIT").thenApply(r -> null);
    }

    @Override
    public CompletableFuture<List<QueryResult>> executeScript(String sql) {
        return conn.executeScript(sql);
    }

    @Override
    public ReplicationStream startReplication(ReplicationOptions options) {
        int major = serverMajorVersion();
        if (options.streaming() && major < 14) {
            throw new PgInterfaceException("streaming of in-progress transactions needs PostgreSQL 14 or later;"
                    + " the server is " + conn.getServerVersion());
        }
        if (options.protoVersion() > maxProtoVersion(major)) {
            throw new PgInterfaceException("pgoutput proto_version " + options.protoVersion() + " needs a newer server"
                    + " (PostgreSQL " + major + " supports up to " + maxProtoVersion(major) + ")");
        }
        if (!streamed.compareAndSet(false, true)) {
            // The walsender keeps its "streaming done" state for the session: a second
            // START_REPLICATION on it ends at once and a CopyDone in reply kills the session.
            throw new PgInterfaceException("this connection already ran a replication stream, and PostgreSQL ends a"
                    + " second START_REPLICATION on the same session at once: open a new ReplicationConnection to"
                    + " restart from the slot");
        }
        StringBuilder sql = new StringBuilder("START_REPLICATION SLOT ").append(options.slot())
                .append(" LOGICAL ").append(options.startLsn())
                .append(" (proto_version '").append(options.protoVersion())
                .append("', publication_names '").append(quoted(options.publications())).append('\'');
        if (options.streaming()) {
            sql.append(", streaming 'on'");
        }
        if (options.messages()) {
            sql.append(", messages 'true'");
        }
        sql.append(')');
        return new ReplicationPublisher(conn.io(), sql.toString(), options, StatusTimer.delivery());
    }

    @Override
    public void addLogListener(Consumer<Notice> listener) {
        conn.addLogListener(listener);
    }

    @Override
    public int serverMajorVersion() {
        String num = conn.getSettings().get("server_version_num");
        if (num != null) {
            return Integer.parseInt(num) / 10000;
        }
        String version = conn.getServerVersion();
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return Integer.parseInt(version.substring(0, end));
    }

    @Override
    public void close() {
        conn.close();
    }

    private static int maxProtoVersion(int major) {
        return major >= 16 ? 4 : major >= 15 ? 3 : major >= 14 ? 2 : 1;
    }

    /** Publication names as pgoutput's list: double-quoted identifiers, comma-separated. */
    private static String quoted(List<String> publications) {
        StringBuilder s = new StringBuilder();
        for (String p : publications) {
            if (s.length() > 0) {
                s.append(',');
            }
            s.append('"').append(p).append('"');
        }
        return s.toString();
    }

    private static String checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > 63 || !name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("slot name must be 1 to 63 lower-case letters, digits or underscores: "
                    + name);
        }
        return name;
    }

    private CompletableFuture<Row> single(String command) {
        return conn.executeScript(command).thenApply(results -> {
            List<Row> rows = results.get(results.size() - 1).rows();
            if (rows.size() != 1) {
                throw new PgInterfaceException(command.split(" ")[0] + " returned " + rows.size() + " rows, expected 1");
            }
            return rows.get(0);
        });
    }
}
