/**
 * Logical replication: {@code replication=database} connections, replication slots and the
 * {@code pgoutput} change stream as a {@link java.util.concurrent.Flow.Publisher} with
 * backpressure.
 *
 * <p>Start with {@link io.pgjet.replication.Replication#connect(String)}, create a slot with
 * {@link io.pgjet.replication.ReplicationConnection#createLogicalSlot}, then subscribe to
 * {@link io.pgjet.replication.ReplicationConnection#startReplication}. Acknowledge what you have
 * durably processed with {@link io.pgjet.replication.ReplicationStream#acknowledge}; a restart
 * from the slot resumes after the last acknowledged transaction.
 */
package io.pgjet.replication;
