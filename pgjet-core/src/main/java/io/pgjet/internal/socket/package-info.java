/**
 * The caller-driven transport: a blocking socket whose calling threads write their requests
 * and read the answers themselves, with no hand-off to an I/O thread (the default for
 * {@code PgJet.connect} and the blocking pool). Internal: may change without notice.
 */
package io.pgjet.internal.socket;
