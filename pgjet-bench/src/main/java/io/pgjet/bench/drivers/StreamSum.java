package io.pgjet.bench.drivers;

import io.pgjet.bench.BenchData;
import io.pgjet.bench.CheckFailedException;

/** Counts and sums the streamed (aid, abalance) rows and checks them against the accounts. */
final class StreamSum {
    private long rows;
    private long aids;
    private long balances;

    void add(int aid, int abalance) {
        rows++;
        aids += aid;
        balances += abalance;
    }

    /** Throws unless exactly accounts 1..n came back with zero balances; returns the row count. */
    long check(int n) {
        CheckFailedException.expect("stream rows", n, rows);
        CheckFailedException.expect("stream sum(aid)", BenchData.streamSum(n), aids);
        CheckFailedException.expect("stream sum(abalance)", 0, balances);
        return rows;
    }
}
