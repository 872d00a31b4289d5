/**
 * The PgJet benchmark runner: races PgJet against pgjdbc, vertx-pg-client and pgbench on the same
 * workloads in one JVM run, interleaved in rounds, and reports ratios as a table, JSON, charts and
 * a Markdown snippet. Start it with {@code ./pgjet bench --help}; {@link io.pgjet.bench.BenchMain}
 * is the entry point.
 *
 * <p>Drivers live in {@code io.pgjet.bench.drivers}, one class per driver plus one small value
 * adapter each; the measuring machinery (jobs, histograms, allocation and heap meters) is here.
 */
package io.pgjet.bench;
