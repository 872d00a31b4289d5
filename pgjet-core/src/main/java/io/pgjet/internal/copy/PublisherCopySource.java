package io.pgjet.internal.copy;

import io.pgjet.CopySource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * A {@link CopySource} fed by a {@link Flow.Publisher} of chunks, behind
 * {@link CopySource#of(Flow.Publisher)}.
 *
 * <p>Subscribes at once but requests nothing until the COPY reads: each {@link #next()} takes a
 * chunk, blocking until one arrives, and chunks are requested a few at a time as they are taken,
 * so a fast publisher can never run ahead of the server by more than {@value #PREFETCH} chunks.
 * The publisher's {@code onError} makes {@code next()} throw an {@link IOException} with that
 * cause, which aborts the COPY; {@link #close()} cancels the subscription unless it already ended.
 *
 * <p>Thread-safety: {@code next()} is for one thread at a time; {@code close()} may be called from
 * any thread and wakes a blocked {@code next()}.
 */
public final class PublisherCopySource implements CopySource {
    /** How many chunks are requested ahead of the reader at most. */
    static final int PREFETCH = 4;

    private final BlockingSubscriber<ByteBuffer> subscriber;

    private PublisherCopySource(BlockingSubscriber<ByteBuffer> subscriber) {
        this.subscriber = subscriber;
    }

    /**
     * Subscribes to {@code publisher} and returns the source reading from it.
     *
     * @param publisher the publisher of COPY data chunks, in order
     * @return the source; close it to cancel the subscription
     */
    public static CopySource subscribe(Flow.Publisher<ByteBuffer> publisher) {
        Objects.requireNonNull(publisher, "publisher");
        BlockingSubscriber<ByteBuffer> subscriber = new BlockingSubscriber<>(PREFETCH, "the publisher of COPY data");
        publisher.subscribe(subscriber);
        return new PublisherCopySource(subscriber);
    }

    /**
     * Returns the next chunk, blocking until the publisher sends one.
     *
     * @return the chunk, or null once the publisher completed
     * @throws IOException when the publisher failed (its error is the cause), broke the Flow
     *     protocol, or the source was closed
     */
    @Override
    public ByteBuffer next() throws IOException {
        return subscriber.take();
    }

    /** Cancels the subscription unless the publisher already completed or failed. */
    @Override
    public void close() {
        subscriber.cancel();
    }

    /** Wakes a blocked {@link #next()} by cancelling the subscription; the COPY already ended. */
    void interrupt() {
        subscriber.cancel();
    }
}
