/**
 * Internals of logical replication: the COPY BOTH command, the pgoutput decoder, the stream's
 * buffer and status updates. Not exported; may change without notice.
 */
package io.pgjet.internal.replication;
