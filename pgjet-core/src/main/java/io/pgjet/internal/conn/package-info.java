/**
 * The asynchronous connection ({@code RealConnection}, the implementation of
 * {@code AsyncConnection}) and what one session keeps: its statement cache, transactions,
 * types, listeners and prepared statements. Verbs become engine commands submitted to the
 * connection's transport. Internal: may change without notice.
 */
package io.pgjet.internal.conn;
