/**
 * Streaming results without a transaction: the rows of one Execute (unnamed portal, no row
 * limit) handed from the I/O thread to a consumer as they arrive, with backpressure from the
 * socket ({@link io.pgjet.internal.stream.RowQueue}), published as a {@code Flow.Publisher}
 * ({@link io.pgjet.internal.stream.RowPublisher}) or a blocking {@code java.util.stream.Stream}
 * ({@link io.pgjet.internal.stream.BlockingRowStream}).
 *
 * <p>Internal: may change without notice.
 */
package io.pgjet.internal.stream;
