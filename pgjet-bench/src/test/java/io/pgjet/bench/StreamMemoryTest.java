package io.pgjet.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgTestServer;
import org.junit.jupiter.api.Test;

/** The --stream-memory check streams every row it asks for and reports the heap it used. */
class StreamMemoryTest {
    @Test
    void streamsEveryRowAndReportsThePeakHeap() throws Exception {
        String line = StreamMemory.measure(BenchTarget.of(PgTestServer.shared()), 20_000, 100);
        assertTrue(line.startsWith("streamed 20,000 rows, 0.00 GB of values"), line);
        assertTrue(line.contains("peak used"), line);
    }
}
