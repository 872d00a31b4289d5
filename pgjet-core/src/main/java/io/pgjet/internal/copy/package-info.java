/**
 * COPY support behind {@code copyFromTable}, {@code copyFromQuery}, {@code copyToTable} and
 * {@code copyRecordsToTable}: COPY statement text, the bounded hand-off from the I/O thread to a
 * {@link io.pgjet.CopySink}, reading a {@link io.pgjet.CopySource} on a worker thread, and binary
 * COPY encoding of Java values.
 *
 * <p>Internal: everything in this package is private to PgJet and may change in any release
 * without notice. Use the COPY methods of {@link io.pgjet.AsyncConnection} and
 * {@link io.pgjet.Connection} instead.
 */
package io.pgjet.internal.copy;
