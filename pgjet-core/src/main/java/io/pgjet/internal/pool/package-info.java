/**
 * The connection pool behind {@link io.pgjet.Pool} and {@link io.pgjet.AsyncPool}. Internal:
 * may change without notice.
 */
package io.pgjet.internal.pool;
