package io.pgjet.replication;

import io.pgjet.Notice;
import io.pgjet.QueryResult;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;

/**
 * A {@code replication=database} connection: replication commands, SQL through the simple query
 * protocol, and one replication stream at a time. Open with {@link Replication#connect}.
 * Methods may be called from any thread; while a stream runs, other calls wait behind it.
 */
public interface ReplicationConnection extends AutoCloseable {

    /**
     * Runs {@code IDENTIFY_SYSTEM}.
     *
     * @return the system identifier, timeline, WAL position and database
     */
    CompletableFuture<SystemIdentity> identifySystem();

    /**
     * Runs {@code CREATE_REPLICATION_SLOT name [TEMPORARY] LOGICAL pgoutput}. A temporary slot is
     * dropped when this connection closes.
     *
     * @param name the slot name (letters, digits, underscores)
     * @param temporary whether the slot lives only as long as this connection
     * @return the slot, its consistent point and exported snapshot
     */
    CompletableFuture<ReplicationSlot> createLogicalSlot(String name, boolean temporary);

    /**
     * Runs {@code DROP_REPLICATION_SLOT name WAIT}; a slot in use by another connection is waited for.
     *
     * @param name the slot name
     * @return completes when dropped
     */
    CompletableFuture<Void> dropSlot(String name);

    /**
     * Runs SQL without parameters through the simple query protocol (the only one a replication
     * connection accepts), e.g. {@code SHOW wal_level}.
     *
     * @param sql one or more statements
     * @return one result per statement
     */
    CompletableFuture<List<QueryResult>> executeScript(String sql);

    /**
     * Prepares a logical replication stream; it starts when subscribed to. One stream per
     * connection: PostgreSQL ends a second {@code START_REPLICATION} on the same session at once,
     * so restart from the slot with a new connection.
     *
     * @param options the slot, publications, start position and pgoutput options
     * @return the stream
     * @throws io.pgjet.PgInterfaceException when {@code streaming} is asked of a server before 14,
     *     or this connection already started a stream
     */
    ReplicationStream startReplication(ReplicationOptions options);

    /**
     * Adds a listener for the server's notices and warnings on this connection, e.g. PostgreSQL
     * 18's "skipped loading publication" warning for a publication that does not exist (earlier
     * versions fail the stream instead).
     *
     * @param listener called on an I/O thread; must not block
     */
    void addLogListener(Consumer<Notice> listener);

    /** {@return the server's major version, e.g. 18} */
    int serverMajorVersion();

    /** Closes the connection (a running stream ends with an error). */
    @Override
    void close();
}
