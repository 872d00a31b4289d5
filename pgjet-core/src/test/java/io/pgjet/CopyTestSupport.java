package io.pgjet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/** Helpers for {@link CopyTest}: publishers that honour demand, sources that fail, a binary COPY reader. */
final class CopyTestSupport {
    private CopyTestSupport() {
    }

    static final byte[] PGCOPY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    /** Counts the rows of binary COPY data, checking its signature, header and trailer. */
    static long binaryRowCount(byte[] data) {
        if (data.length < 21 || !Arrays.equals(Arrays.copyOf(data, 11), PGCOPY_SIGNATURE)) {
            throw new AssertionError("no PGCOPY signature");
        }
        ByteBuffer in = ByteBuffer.wrap(data);
        in.position(11);
        in.getInt(); // flags
        in.position(in.position() + 4 + in.getInt()); // header extension
        long rows = 0;
        while (true) {
            short fields = in.getShort();
            if (fields == -1) {
                if (in.hasRemaining()) {
                    throw new AssertionError(in.remaining() + " bytes after the trailer");
                }
                return rows;
            }
            for (int f = 0; f < fields; f++) {
                int length = in.getInt();
                if (length > 0) {
                    in.position(in.position() + length);
                }
            }
            rows++;
        }
    }

    /**
     * A publisher of {@code count} items made on demand by {@code item}, that records the most
     * items ever requested but not yet delivered, and whether it was cancelled. It can fail with
     * {@code failure} after {@code failAfter} items.
     */
    static final class DemandPublisher<T> implements Flow.Publisher<T> {
        private final long count;
        private final LongFunction<T> item;
        private final long failAfter;
        private final Throwable failure;
        final AtomicLong maxOutstanding = new AtomicLong();
        final AtomicBoolean cancelled = new AtomicBoolean();
        final CountDownLatch subscribed = new CountDownLatch(1);

        DemandPublisher(long count, LongFunction<T> item) {
            this(count, item, -1, null);
        }

        DemandPublisher(long count, LongFunction<T> item, long failAfter, Throwable failure) {
            this.count = count;
            this.item = item;
            this.failAfter = failAfter;
            this.failure = failure;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super T> subscriber) {
            subscriber.onSubscribe(new Flow.Subscription() {
                private long sent;
                private long outstanding;
                private boolean emitting;
                private boolean done;

                @Override
                public synchronized void request(long n) {
                    outstanding += n;
                    maxOutstanding.accumulateAndGet(outstanding, Math::max);
                    if (emitting) {
                        return; // re-entrant call from onNext: the loop below continues
                    }
                    emitting = true;
                    while (outstanding > 0 && !done && !cancelled.get()) {
                        if (sent == failAfter) {
                            done = true;
                            subscriber.onError(failure);
                            break;
                        }
                        if (sent == count) {
                            done = true;
                            subscriber.onComplete();
                            break;
                        }
                        outstanding--;
                        subscriber.onNext(item.apply(sent++));
                    }
                    emitting = false;
                }

                @Override
                public void cancel() {
                    cancelled.set(true);
                }
            });
            subscribed.countDown();
        }
    }

    /** A publisher that never sends anything; records cancellation. */
    static final class SilentPublisher<T> implements Flow.Publisher<T> {
        final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public void subscribe(Flow.Subscriber<? super T> subscriber) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                    cancelled.set(true);
                }
            });
        }
    }

    /** A source giving {@code chunks} then failing with an IOException; records whether it was closed. */
    static final class FailingSource implements CopySource {
        private final List<String> chunks;
        private int next;
        final AtomicBoolean closed = new AtomicBoolean();

        FailingSource(List<String> chunks) {
            this.chunks = chunks;
        }

        @Override
        public ByteBuffer next() throws IOException {
            if (next == chunks.size()) {
                throw new IOException("disk on fire");
            }
            return ByteBuffer.wrap(chunks.get(next++).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
