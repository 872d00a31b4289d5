package io.pgjet.r2dbc.internal;

import io.r2dbc.spi.Blob;
import io.r2dbc.spi.Clob;
import io.r2dbc.spi.Parameter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Turns R2DBC bind values into PgJet arguments: {@link Parameter} is unwrapped, a
 * {@link ByteBuffer} becomes its bytes, and {@link Blob}/{@link Clob} streams are collected
 * (PostgreSQL takes a bound value whole) just before the statement runs.
 */
final class BindValues {
    private BindValues() {
    }

    /** Returns the value to keep for binding, or throws IllegalArgumentException for an unbindable one. */
    static Object accept(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("value must not be null; use bindNull(..., type)");
        }
        Object plain = value instanceof Parameter parameter ? parameter.getValue() : value;
        if (plain instanceof Class || plain instanceof Thread || plain instanceof Publisher) {
            throw new IllegalArgumentException("cannot bind a value of type " + plain.getClass().getName());
        }
        if (plain instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return bytes;
        }
        return plain;
    }

    /** Returns whether any value of any set is a LOB that must be collected first. */
    static boolean hasLobs(List<Object[]> sets) {
        for (Object[] set : sets) {
            for (Object value : set) {
                if (value instanceof Blob || value instanceof Clob) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Returns the sets with every LOB replaced by its collected {@code byte[]} or {@code String}. */
    static CompletableFuture<List<Object[]>> resolve(List<Object[]> sets) {
        List<CompletableFuture<?>> pending = new ArrayList<>();
        List<Object[]> resolved = new ArrayList<>(sets.size());
        for (Object[] set : sets) {
            Object[] copy = set.clone();
            for (int i = 0; i < copy.length; i++) {
                int index = i;
                if (copy[i] instanceof Blob blob) {
                    pending.add(collect(blob.stream(), new ByteCollector()).thenAccept(bytes -> copy[index] = bytes));
                } else if (copy[i] instanceof Clob clob) {
                    pending.add(collect(clob.stream(), new TextCollector()).thenAccept(text -> copy[index] = text));
                }
            }
            resolved.add(copy);
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).thenApply(done -> resolved);
    }

    private interface Collector<C, R> {
        void add(C chunk);

        R result();
    }

    private static final class ByteCollector implements Collector<ByteBuffer, byte[]> {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        @Override
        public void add(ByteBuffer chunk) {
            ByteBuffer copy = chunk.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            out.writeBytes(bytes);
        }

        @Override
        public byte[] result() {
            return out.toByteArray();
        }
    }

    private static final class TextCollector implements Collector<CharSequence, String> {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void add(CharSequence chunk) {
            text.append(chunk);
        }

        @Override
        public String result() {
            return text.toString();
        }
    }

    private static <C, R> CompletableFuture<R> collect(Publisher<? extends C> stream, Collector<C, R> collector) {
        CompletableFuture<R> result = new CompletableFuture<>();
        stream.subscribe(new Subscriber<C>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(C chunk) {
                collector.add(chunk);
            }

            @Override
            public void onError(Throwable error) {
                result.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                result.complete(collector.result());
            }
        });
        return result;
    }
}
