package io.pgjet.r2dbc.internal;

import io.r2dbc.spi.Clob;
import java.util.List;
import org.reactivestreams.Publisher;

/**
 * A text value read as a {@link Clob}: PostgreSQL sends the whole value in the row, so the clob
 * streams it as one chunk. {@link #discard()} drops the reference.
 */
final class StringClob implements Clob {
    private volatile String text;

    StringClob(String text) {
        this.text = text;
    }

    @Override
    public Publisher<CharSequence> stream() {
        String value = text;
        if (value == null) {
            return new FuturePublisher<>(() -> java.util.concurrent.CompletableFuture.failedFuture(
                    new IllegalStateException("the clob was discarded")));
        }
        return new ListPublisher<>(List.of(value));
    }

    @Override
    public Publisher<Void> discard() {
        text = null;
        return new ListPublisher<>(List.of());
    }
}
