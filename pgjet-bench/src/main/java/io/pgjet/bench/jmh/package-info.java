/**
 * JMH micro-benchmarks of PgJet's hot paths (DataRow framing and dispatch, Bind encoding). Run
 * with {@code ./pgjet bench --jmh [regex] [JMH options]}, e.g. {@code ./pgjet bench --jmh DataRow
 * -prof gc}.
 */
package io.pgjet.bench.jmh;
