/**
 * The blocking facade: {@code Connection}, prepared statements, cursors and transactions that
 * wait for the asynchronous implementation, through an {@link io.pgjet.internal.blocking.Awaiter}
 * that lets a caller-driven connection read on the calling thread. Internal: may change without
 * notice.
 */
package io.pgjet.internal.blocking;
