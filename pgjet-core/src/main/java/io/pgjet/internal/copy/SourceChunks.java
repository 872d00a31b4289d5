package io.pgjet.internal.copy;

import io.pgjet.CopySource;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The chunks of a {@link CopySource}, for {@code copyToTable}: each buffer becomes one CopyData
 * message; {@code close()} is the release.
 */
final class SourceChunks extends CopyInChunks {
    private final CopySource source;

    SourceChunks(CopySource source) {
        this.source = source;
    }

    @Override
    protected byte[] read() throws Exception {
        while (true) {
            ByteBuffer chunk = source.next();
            if (chunk == null) {
                return null;
            }
            int length = chunk.remaining();
            if (length == 0) {
                continue;
            }
            if (chunk.hasArray()) {
                byte[] array = chunk.array();
                int start = chunk.arrayOffset() + chunk.position();
                chunk.position(chunk.limit());
                return start == 0 && length == array.length ? array : Arrays.copyOfRange(array, start, start + length);
            }
            byte[] copy = new byte[length];
            chunk.get(copy);
            return copy;
        }
    }

    @Override
    protected void release() throws Exception {
        source.close();
    }

    @Override
    protected void interruptRead() {
        if (source instanceof PublisherCopySource) {
            ((PublisherCopySource) source).interrupt();
        }
    }

    @Override
    protected String describeFailure(Throwable cause) {
        return "the COPY source failed, so the COPY was aborted and the server loaded nothing: " + cause;
    }
}
