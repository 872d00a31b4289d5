/**
 * The {@code pgjet soak} driver: worker threads run every verb of PgJet through a pool while a
 * fault thread breaks the connections, and a report says what was done, what failed and how,
 * what was lost and what leaked. Internal to the command line; may change without notice.
 */
package io.pgjet.cli.soak;
