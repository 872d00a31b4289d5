package io.pgjet.replication;

/**
 * A logical replication slot just created by {@code CREATE_REPLICATION_SLOT}.
 *
 * @param slotName the slot's name
 * @param consistentPoint the position from which the slot's changes are consistent; a stream
 *     started at {@link Lsn#INVALID} begins here
 * @param snapshotName the exported snapshot (null when none was exported), usable with
 *     {@code SET TRANSACTION SNAPSHOT} for an initial copy while the creating connection stays idle
 * @param outputPlugin the output plugin, {@code pgoutput}
 */
public record ReplicationSlot(String slotName, Lsn consistentPoint, String snapshotName, String outputPlugin) {}
