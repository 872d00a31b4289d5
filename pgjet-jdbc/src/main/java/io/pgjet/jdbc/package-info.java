/**
 * PgJet's JDBC driver: {@link io.pgjet.jdbc.PgJetDriver} (registered through
 * {@code META-INF/services/java.sql.Driver}, for {@code jdbc:postgresql:} and {@code jdbc:pgjet:}
 * URLs) and {@link io.pgjet.jdbc.PgJetDataSource} (for pools such as HikariCP). Connections run on
 * PgJet's blocking, caller-driven transport. {@link java.sql.Connection#unwrap} with
 * {@code io.pgjet.Connection.class} reaches PgJet's own API (COPY, LISTEN/NOTIFY). What is
 * supported and what is not yet: {@code docs/jdbc.md}.
 */
package io.pgjet.jdbc;
