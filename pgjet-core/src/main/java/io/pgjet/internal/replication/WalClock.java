package io.pgjet.internal.replication;

import java.time.Instant;

/** Replication timestamps: microseconds since 2000-01-01 00:00 UTC. */
final class WalClock {
    private static final long EPOCH_2000_SECONDS = 946_684_800L;

    private WalClock() {}

    static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(EPOCH_2000_SECONDS + Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    static long now() {
        Instant now = Instant.now();
        return (now.getEpochSecond() - EPOCH_2000_SECONDS) * 1_000_000L + now.getNano() / 1000;
    }
}
