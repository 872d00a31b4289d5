package io.pgjet.replication;

import io.pgjet.ConnectionConfig;
import io.pgjet.internal.replication.RealReplicationConnection;
import java.util.concurrent.CompletableFuture;

/** Opens logical replication connections. */
public final class Replication {
    private Replication() {}

    /**
     * Opens a {@code replication=database} connection to the database {@code dsn} names (the
     * keyword is added when missing). The user needs the {@code REPLICATION} attribute and a
     * matching {@code pg_hba.conf} line for the database; the server needs {@code wal_level=logical}.
     *
     * @param dsn a URI or keyword/value connection string
     * @return the connection
     */
    public static CompletableFuture<ReplicationConnection> connect(String dsn) {
        return connect(ConnectionConfig.parse(dsn));
    }

    /**
     * Opens a {@code replication=database} connection with {@code config} ({@link
     * ConnectionConfig#replication()} is turned on when off).
     *
     * @param config the connection settings
     * @return the connection
     */
    public static CompletableFuture<ReplicationConnection> connect(ConnectionConfig config) {
        ConnectionConfig replication = config.replication() ? config : config.toBuilder().replication(true).build();
        return RealReplicationConnection.connect(replication);
    }
}
