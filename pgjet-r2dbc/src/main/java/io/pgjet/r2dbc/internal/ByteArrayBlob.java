package io.pgjet.r2dbc.internal;

import io.r2dbc.spi.Blob;
import java.nio.ByteBuffer;
import java.util.List;
import org.reactivestreams.Publisher;

/**
 * A {@code bytea} value read as a {@link Blob}: PostgreSQL sends the whole value in the row, so
 * the blob streams it as one buffer. {@link #discard()} drops the reference.
 */
final class ByteArrayBlob implements Blob {
    private volatile byte[] bytes;

    ByteArrayBlob(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public Publisher<ByteBuffer> stream() {
        byte[] value = bytes;
        if (value == null) {
            return new FuturePublisher<>(() -> java.util.concurrent.CompletableFuture.failedFuture(
                    new IllegalStateException("the blob was discarded")));
        }
        return new ListPublisher<>(List.of(ByteBuffer.wrap(value)));
    }

    @Override
    public Publisher<Void> discard() {
        bytes = null;
        return new ListPublisher<>(List.of());
    }
}
