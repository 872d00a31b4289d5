/**
 * Cursors: forward-only portals, scrollable {@code DECLARE ... SCROLL} cursors and the
 * {@code Flow.Publisher} that streams a cursor's rows with backpressure. Internal: may change
 * without notice.
 */
package io.pgjet.internal.cursor;
