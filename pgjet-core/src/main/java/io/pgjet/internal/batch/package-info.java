/**
 * Batch helpers of {@code executeMany}: the opt-in rewrite of single-row INSERTs into
 * {@code unnest} chunks ({@code rewrite_batched_inserts}) and the adapter from a
 * {@code Flow.Publisher} of parameter sets. Internal: may change without notice.
 */
package io.pgjet.internal.batch;
