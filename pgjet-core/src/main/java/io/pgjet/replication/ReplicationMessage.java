package io.pgjet.replication;

import java.time.Instant;
import java.util.List;

/**
 * One decoded {@code pgoutput} message. Messages of a transaction arrive between a
 * {@link Begin} and its {@link Commit}; with {@code streaming} (PostgreSQL 14+) a large
 * transaction still in progress arrives in segments between {@link StreamStart} and
 * {@link StreamStop}, and ends with {@link StreamCommit} or {@link StreamAbort}.
 *
 * <p>{@code xid} fields are the transaction id of a streamed segment's change, or 0 outside a
 * streamed segment (pgoutput sends it only there).
 */
public sealed interface ReplicationMessage {

    /**
     * Start of a transaction.
     *
     * @param finalLsn the LSN of the transaction's commit record
     * @param commitTime the commit time
     * @param xid the transaction id
     */
    record Begin(Lsn finalLsn, Instant commitTime, long xid) implements ReplicationMessage {}

    /**
     * End of a transaction. Acknowledge {@link #endLsn()} once its changes are safe.
     *
     * @param flags unused flags (0)
     * @param commitLsn the LSN of the commit record
     * @param endLsn the LSN just after the commit record
     * @param commitTime the commit time
     */
    record Commit(int flags, Lsn commitLsn, Lsn endLsn, Instant commitTime) implements ReplicationMessage {}

    /**
     * The origin of a transaction replicated from elsewhere.
     *
     * @param commitLsn the LSN of the commit on the origin server
     * @param name the origin's name
     */
    record Origin(Lsn commitLsn, String name) implements ReplicationMessage {}

    /**
     * A column of a {@link Relation}.
     *
     * @param name the column name
     * @param typeOid the column's type OID
     * @param typeModifier the type modifier (atttypmod)
     * @param key whether the column is part of the replica identity key
     */
    record Column(String name, int typeOid, int typeModifier, boolean key) {}

    /**
     * The description of a table, sent before the first change to it in a session and again after
     * it changed.
     *
     * @param xid the streamed transaction's id, or 0
     * @param oid the table's OID
     * @param namespace the schema
     * @param name the table name
     * @param replicaIdentity {@code d} default (primary key), {@code n} nothing, {@code f} full,
     *     {@code i} index
     * @param columns the columns in order
     */
    record Relation(long xid, int oid, String namespace, String name, char replicaIdentity, List<Column> columns)
            implements ReplicationMessage {
        /**
         * Copies {@code columns}.
         *
         * @param xid the streamed transaction's id, or 0
         * @param oid the table's OID
         * @param namespace the schema
         * @param name the table name
         * @param replicaIdentity the replica identity setting
         * @param columns the columns in order
         */
        public Relation {
            columns = List.copyOf(columns);
        }
    }

    /**
     * The name of a non-built-in type used by a following {@link Relation}.
     *
     * @param xid the streamed transaction's id, or 0
     * @param oid the type's OID
     * @param namespace the schema
     * @param name the type name
     */
    record Type(long xid, int oid, String namespace, String name) implements ReplicationMessage {}

    /**
     * A row inserted.
     *
     * @param xid the streamed transaction's id, or 0
     * @param relation the table
     * @param newTuple the new row
     */
    record Insert(long xid, Relation relation, Tuple newTuple) implements ReplicationMessage {}

    /**
     * A row updated. The old image is sent only when the replica identity asks for it: the old key
     * when a key column changed ({@code REPLICA IDENTITY DEFAULT/INDEX}), the whole old row with
     * {@code REPLICA IDENTITY FULL}.
     *
     * @param xid the streamed transaction's id, or 0
     * @param relation the table
     * @param oldKey the old key columns (others null), or null
     * @param oldTuple the whole old row, or null
     * @param newTuple the new row
     */
    record Update(long xid, Relation relation, Tuple oldKey, Tuple oldTuple, Tuple newTuple)
            implements ReplicationMessage {}

    /**
     * A row deleted; exactly one of {@code oldKey} and {@code oldTuple} is set.
     *
     * @param xid the streamed transaction's id, or 0
     * @param relation the table
     * @param oldKey the deleted row's key columns (others null), or null
     * @param oldTuple the whole deleted row ({@code REPLICA IDENTITY FULL}), or null
     */
    record Delete(long xid, Relation relation, Tuple oldKey, Tuple oldTuple) implements ReplicationMessage {}

    /**
     * Tables truncated.
     *
     * @param xid the streamed transaction's id, or 0
     * @param relations the tables
     * @param cascade whether {@code CASCADE} was given
     * @param restartIdentity whether {@code RESTART IDENTITY} was given
     */
    record Truncate(long xid, List<Relation> relations, boolean cascade, boolean restartIdentity)
            implements ReplicationMessage {
        /**
         * Copies {@code relations}.
         *
         * @param xid the streamed transaction's id, or 0
         * @param relations the tables
         * @param cascade whether {@code CASCADE} was given
         * @param restartIdentity whether {@code RESTART IDENTITY} was given
         */
        public Truncate {
            relations = List.copyOf(relations);
        }
    }

    /**
     * A message written by {@code pg_logical_emit_message} (sent with the option {@code messages}).
     *
     * @param xid the streamed transaction's id, or 0
     * @param transactional whether it was written inside a transaction
     * @param lsn its LSN
     * @param prefix its prefix
     * @param content its bytes
     */
    record LogicalMessage(long xid, boolean transactional, Lsn lsn, String prefix, byte[] content)
            implements ReplicationMessage {}

    /**
     * A segment of a transaction still in progress starts (streaming, PostgreSQL 14+).
     *
     * @param xid the transaction id
     * @param firstSegment whether this is the transaction's first segment
     */
    record StreamStart(long xid, boolean firstSegment) implements ReplicationMessage {}

    /** A segment of a streamed transaction ends. */
    record StreamStop() implements ReplicationMessage {}

    /**
     * A streamed transaction committed. Acknowledge {@link #endLsn()} once its changes are safe.
     *
     * @param xid the transaction id
     * @param flags unused flags (0)
     * @param commitLsn the LSN of the commit record
     * @param endLsn the LSN just after the commit record
     * @param commitTime the commit time
     */
    record StreamCommit(long xid, int flags, Lsn commitLsn, Lsn endLsn, Instant commitTime)
            implements ReplicationMessage {}

    /**
     * A streamed transaction (or, when {@code subXid != xid}, one of its subtransactions) aborted:
     * drop its changes received so far.
     *
     * @param xid the transaction id
     * @param subXid the aborted subtransaction's id (equal to {@code xid} for the whole transaction)
     */
    record StreamAbort(long xid, long subXid) implements ReplicationMessage {}
}
