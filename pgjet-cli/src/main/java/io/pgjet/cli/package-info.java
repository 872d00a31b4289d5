/**
 * The {@code pgjet} command: {@code demo} (a tour of PgJet on an embedded PostgreSQL),
 * {@code query} (run SQL and print the result like psql, or as CSV/JSON) and {@code soak} (every
 * verb under injected faults, with a report of throughput, errors and leaks; {@link io.pgjet.cli.soak}).
 */
package io.pgjet.cli;
