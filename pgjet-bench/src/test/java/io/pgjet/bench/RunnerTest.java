package io.pgjet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The runner's window: every measured case counts at least one operation. */
class RunnerTest {
    private static final long WINDOW = TimeUnit.MILLISECONDS.toNanos(20);

    @Test
    void aLoopOperationSlowerThanTheWindowStillCountsOnce() throws Exception {
        Job.Loop slow = new Job.Loop() {
            @Override
            public int threads() {
                return 1;
            }

            @Override
            public long call(int thread) throws Exception {
                Thread.sleep(150);
                return 3;
            }

            @Override
            public String how() {
                return "sleeps longer than the window";
            }

            @Override
            public void close() {
            }
        };
        Sample sample = Runner.run(slow, 0, 0, WINDOW);
        assertNull(sample.error());
        assertTrue(sample.ops() >= 1, "ops " + sample.ops());
        assertEquals(3 * sample.ops(), sample.rows());
    }

    @Test
    void anAsyncOperationSlowerThanTheWindowStillCountsOnce() throws Exception {
        Job.Async slow = new Job.Async() {
            @Override
            public int lanes() {
                return 1;
            }

            @Override
            public int depth() {
                return 1;
            }

            @Override
            public void call(int lane, Job.Done done) {
                CompletableFuture.delayedExecutor(150, TimeUnit.MILLISECONDS).execute(() -> done.done(2, null));
            }

            @Override
            public String how() {
                return "answers later than the window";
            }

            @Override
            public void close() {
            }
        };
        Sample sample = Runner.run(slow, 0, 0, WINDOW);
        assertNull(sample.error());
        assertTrue(sample.ops() >= 1, "ops " + sample.ops());
        assertEquals(2 * sample.ops(), sample.rows());
    }
}
