package io.pgjet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Flow;

/**
 * Where {@code COPY ... FROM STDIN} data comes from: an {@link InputStream}, a file, or a
 * {@link Flow.Publisher} of chunks. PgJet reads it on a worker thread (never the I/O thread) as
 * fast as the server takes it. A source that fails aborts the COPY with CopyFail, so the server
 * rolls it back; the connection stays usable.
 */
public interface CopySource {

    /**
     * Returns the next chunk, or null at the end. Called from one worker thread at a time.
     *
     * @return the next chunk of COPY data, or null at the end
     * @throws IOException when the source fails; the COPY is aborted
     */
    ByteBuffer next() throws IOException;

    /**
     * Releases the source (closes files PgJet opened); called once at the end.
     *
     * @throws IOException if releasing the source fails
     */
    default void close() throws IOException {
    }

    /**
     * Returns a source reading {@code in} in 64 KiB chunks; the stream is not closed.
     *
     * @param in the stream to read from
     * @return a source of up to 64 KiB chunks of {@code in}
     */
    static CopySource of(InputStream in) {
        return () -> {
            byte[] chunk = new byte[64 * 1024];
            int n = in.readNBytes(chunk, 0, chunk.length);
            return n <= 0 ? null : ByteBuffer.wrap(chunk, 0, n);
        };
    }

    /**
     * Returns a source reading {@code file}, closed at the end.
     *
     * @param file the file, opened at the first read
     * @return a source reading the file
     */
    static CopySource of(Path file) {
        return new CopySource() {
            private InputStream in;

            @Override
            public ByteBuffer next() throws IOException {
                if (in == null) {
                    in = Files.newInputStream(file);
                }
                return CopySource.of(in).next();
            }

            @Override
            public void close() throws IOException {
                if (in != null) {
                    in.close();
                }
            }
        };
    }

    /**
     * Returns a source taking chunks from {@code publisher}, requesting them as the server
     * consumes them (real backpressure); an {@code onError} aborts the COPY.
     *
     * @param publisher the publisher of data chunks
     * @return a source taking its chunks from {@code publisher}
     */
    static CopySource of(Flow.Publisher<ByteBuffer> publisher) {
        return io.pgjet.internal.copy.PublisherCopySource.subscribe(publisher);
    }
}
