package io.pgjet.internal.stream;

import io.pgjet.Row;
import io.pgjet.internal.blocking.Awaiter;
import io.pgjet.internal.blocking.Futures;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The blocking side of a streamed statement: a lazy {@link Stream} that takes rows from its
 * {@link RowQueue} and, when none is queued, waits through the connection's {@link Awaiter} (on
 * a caller-driven connection the consuming thread then reads the socket itself, so nothing is
 * read before it is wanted). A failure of the statement is thrown from the call that reaches it,
 * after the rows that came before it. Closing the stream early closes the queue and waits until
 * the connection is free again (the server has answered the cancel); not thread-safe, like any
 * sequential stream.
 */
public final class BlockingRowStream extends Spliterators.AbstractSpliterator<Row> {
    private final Awaiter awaiter;
    private final RowQueue queue;
    private RowQueue.Batch batch;
    private boolean done;

    private BlockingRowStream(Awaiter awaiter, RowQueue queue) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.awaiter = awaiter;
        this.queue = queue;
    }

    /**
     * Returns a sequential stream over the rows of {@code queue}.
     *
     * @param awaiter how the calling thread waits for rows on this connection
     * @param onClose runs after the stream is closed and the connection is free, or null
     */
    public static Stream<Row> of(Awaiter awaiter, RowQueue queue, Runnable onClose) {
        BlockingRowStream rows = new BlockingRowStream(awaiter, queue);
        return StreamSupport.stream(rows, false).onClose(() -> {
            rows.close();
            if (onClose != null) {
                onClose.run();
            }
        });
    }

    @Override
    public boolean tryAdvance(Consumer<? super Row> action) {
        while (true) {
            if (batch != null && batch.hasNext()) {
                action.accept(batch.next());
                return true;
            }
            if (done) {
                return false;
            }
            boolean ended = queue.isEnded(); // before take(): every row is queued before the end
            batch = queue.take();
            if (batch != null) {
                continue;
            }
            if (ended) {
                done = true;
                Throwable failure = queue.failure();
                if (failure != null) {
                    Futures.await(CompletableFuture.failedFuture(failure)); // throws it as blocking calls do
                }
                return false;
            }
            awaiter.call(queue::whenAvailable);
        }
    }

    private void close() {
        done = true;
        batch = null;
        queue.close();
        awaiter.call(queue::whenFinished);
    }
}
