package io.pgjet.r2dbc.internal;

import java.util.concurrent.atomic.AtomicLong;

/** Adds and subtracts reactive-streams demand, capped at {@link Long#MAX_VALUE} (unbounded). */
final class Demand {
    private Demand() {
    }

    /** Adds {@code n} to {@code demand}, saturating at unbounded. */
    static void add(AtomicLong demand, long n) {
        demand.getAndUpdate(current -> current == Long.MAX_VALUE || current + n < 0 ? Long.MAX_VALUE : current + n);
    }

    /** Subtracts what was emitted unless demand is unbounded. */
    static void produced(AtomicLong demand, long n) {
        demand.getAndUpdate(current -> current == Long.MAX_VALUE ? current : current - n);
    }

    /** Returns the error a subscription signals for a request of {@code n <= 0} (rule 3.9 of the Reactive Streams specification). */
    static IllegalArgumentException notPositive(long n) {
        return new IllegalArgumentException("§3.9: request must be positive, was " + n);
    }
}
