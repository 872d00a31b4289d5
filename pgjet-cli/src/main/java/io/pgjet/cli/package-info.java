/**
 * The {@code pgjet} command: {@code demo} (a tour of PgJet on an embedded PostgreSQL) and
 * {@code query} (run SQL and print the result like psql, or as CSV/JSON).
 */
package io.pgjet.cli;
