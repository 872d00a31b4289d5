package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.pgjet.internal.result.Columns;
import io.pgjet.internal.types.Codec;
import io.pgjet.internal.types.CodecRegistry;

/**
 * Checks the rows of one result against the cached descriptions of the user types in its
 * columns (composites, also inside arrays and domains) as they arrive, before any value is
 * decoded: an {@code ALTER TYPE} keeps the type's OID, so the values' shape is the only sign that
 * a description is out of date. Columns without such types cost nothing. Not thread-safe (one
 * command, I/O thread).
 */
final class ShapeGuard {
    private static final ShapeGuard NONE = new ShapeGuard(new int[0], null, null);

    private final int[] columns;
    private final Codec[] codecs;
    private final CodecRegistry registry;

    private ShapeGuard(int[] columns, Codec[] codecs, CodecRegistry registry) {
        this.columns = columns;
        this.codecs = codecs;
        this.registry = registry;
    }

    /** Returns the guard for a result layout (a shared no-op when no column has a shape). */
    static ShapeGuard of(Columns layout) {
        if (layout == null || layout.contextOrNull() == null) {
            return NONE;
        }
        CodecRegistry registry = layout.context().registry();
        int n = 0;
        for (int i = 0; i < layout.count(); i++) {
            n += checked(layout, i, registry) ? 1 : 0;
        }
        if (n == 0) {
            return NONE; // the common case: nothing allocated per query
        }
        int[] picked = new int[n];
        for (int i = 0, k = 0; i < layout.count(); i++) {
            if (checked(layout, i, registry)) {
                picked[k++] = i;
            }
        }
        Codec[] codecs = new Codec[n];
        for (int k = 0; k < n; k++) {
            codecs[k] = layout.codec(picked[k]);
        }
        return new ShapeGuard(picked, codecs, registry);
    }

    private static boolean checked(Columns layout, int column, CodecRegistry registry) {
        Codec codec = layout.codec(column);
        return codec != null && layout.isBinary(column) && codec.hasShape(registry);
    }

    /**
     * Checks one DataRow body (positioned at its column count; indexes are not moved).
     *
     * @return null when every checked value matches its description, else what is out of date
     */
    Codec.OutdatedDescription check(ByteBuf row) {
        if (columns.length == 0) {
            return null;
        }
        int end = row.writerIndex();
        int p = row.readerIndex() + 2;
        int column = 0;
        for (int k = 0; k < columns.length; k++) {
            for (; column < columns[k]; column++) {
                if (p + 4 > end) {
                    return null; // malformed: the row buffer reports it
                }
                p += 4 + Math.max(row.getInt(p), 0);
            }
            if (p + 4 > end) {
                return null;
            }
            int length = row.getInt(p);
            p += 4;
            column++;
            if (length > 0 && p + length <= end) {
                Codec.OutdatedDescription outdated = codecs[k].outdatedDescription(row, p, length, registry);
                if (outdated != null) {
                    return outdated;
                }
            }
            p += Math.max(length, 0);
        }
        return null;
    }
}
