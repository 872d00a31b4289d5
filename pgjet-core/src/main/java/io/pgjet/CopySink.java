package io.pgjet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Where {@code COPY ... TO STDOUT} data goes: an {@link OutputStream}, a file, or a consumer of
 * chunks. PgJet calls the sink on one of its worker threads (never the I/O thread), one chunk
 * at a time, and stops reading from the server while the sink is behind, so memory stays
 * bounded however slow it is. A sink that throws aborts the COPY with that exception.
 */
public interface CopySink {

    /**
     * Receives the next chunk of COPY data; the buffer is only valid during the call.
     *
     * @param chunk the data; the sink must copy what it keeps
     * @throws IOException to abort the COPY with this failure
     */
    void write(ByteBuffer chunk) throws IOException;

    /**
     * Called once after the last chunk (flush, close files PgJet opened).
     *
     * @throws IOException if finishing fails (e.g. the file cannot be closed)
     */
    default void finish() throws IOException {
    }

    /**
     * Returns a sink writing to {@code out}; the stream is flushed, not closed, at the end.
     *
     * @param out the stream to write to
     * @return a sink writing every chunk to {@code out}
     */
    static CopySink of(OutputStream out) {
        return new CopySink() {
            @Override
            public void write(ByteBuffer chunk) throws IOException {
                if (chunk.hasArray()) {
                    out.write(chunk.array(), chunk.arrayOffset() + chunk.position(), chunk.remaining());
                } else {
                    byte[] copy = new byte[chunk.remaining()];
                    chunk.get(copy);
                    out.write(copy);
                }
            }

            @Override
            public void finish() throws IOException {
                out.flush();
            }
        };
    }

    /**
     * Returns a sink writing to {@code file}, created or truncated, and closed at the end.
     *
     * @param file the file, opened at the first chunk
     * @return a sink writing to the file
     */
    static CopySink of(Path file) {
        return new CopySink() {
            private OutputStream out;

            private OutputStream out() throws IOException {
                if (out == null) {
                    out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE);
                }
                return out;
            }

            @Override
            public void write(ByteBuffer chunk) throws IOException {
                CopySink.of(out()).write(chunk);
            }

            @Override
            public void finish() throws IOException {
                out().close();
            }
        };
    }

    /**
     * Returns a sink handing each chunk to {@code consumer}.
     *
     * @param consumer receives each chunk, only valid during the call; an
     *     {@code UncheckedIOException} it throws aborts the COPY with its cause
     * @return a sink calling {@code consumer}
     */
    static CopySink of(Consumer<ByteBuffer> consumer) {
        return chunk -> {
            try {
                consumer.accept(chunk);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
    }
}
