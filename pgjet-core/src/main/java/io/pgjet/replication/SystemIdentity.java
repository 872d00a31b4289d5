package io.pgjet.replication;

/**
 * The answer to {@code IDENTIFY_SYSTEM}.
 *
 * @param systemId the cluster's system identifier
 * @param timeline the current timeline
 * @param xlogPosition the current WAL flush position
 * @param database the database the connection is attached to (null for a physical connection)
 */
public record SystemIdentity(String systemId, int timeline, Lsn xlogPosition, String database) {}
