/**
 * Starts and stops real PostgreSQL servers for tests, benchmarks and demos.
 *
 * <p>Entry points: {@link io.pgjet.testkit.PgCluster#builder()} for a cluster of your own
 * (authentication method, TLS, settings, extra users, streaming standby), and
 * {@link io.pgjet.testkit.PgTestServer#shared()} for the one server a test JVM shares
 * (or the existing server named by {@code PGJET_TEST_DSN}). Binaries come from
 * {@code PGJET_PG_BIN}, the {@code io.zonky.test.postgres} Maven artifacts, or
 * {@code pg_config --bindir}; see {@link io.pgjet.testkit.PgBinaries}.
 *
 * <p>When the JVM runs as root, every PostgreSQL program runs as an unprivileged OS user
 * ({@code postgres} unless {@code -Dpgjet.pg.os.user} says otherwise), because PostgreSQL
 * refuses to run as root.
 */
package io.pgjet.testkit;
