package io.pgjet.protocol;

import java.util.Arrays;

/**
 * Describes the formats of a COPY stream, as announced by CopyInResponse, CopyOutResponse or
 * CopyBothResponse. Immutable and thread-safe.
 */
public final class CopyResponse {

    private final int overallFormat;
    private final short[] columnFormats;

    private CopyResponse(int overallFormat, short[] columnFormats) {
        this.overallFormat = overallFormat;
        this.columnFormats = columnFormats;
    }

    /**
     * Creates a description from its parts.
     *
     * @param overallFormat 0 for text, 1 for binary
     * @param columnFormats one format code (0 or 1) per column; copied
     * @return the description
     * @throws IllegalArgumentException if a format code is not 0 or 1
     */
    public static CopyResponse of(int overallFormat, short[] columnFormats) {
        checkFormat(overallFormat);
        for (short format : columnFormats) {
            checkFormat(format);
        }
        return new CopyResponse(overallFormat, columnFormats.clone());
    }

    /** Wraps already validated, unshared arrays. */
    static CopyResponse wrap(int overallFormat, short[] columnFormats) {
        return new CopyResponse(overallFormat, columnFormats);
    }

    private static void checkFormat(int format) {
        if (format != 0 && format != 1) {
            throw new IllegalArgumentException("format code must be 0 or 1, got " + format);
        }
    }

    /**
     * Returns the overall COPY format.
     *
     * @return 0 for text (or CSV), 1 for binary
     */
    public int overallFormat() {
        return overallFormat;
    }

    /**
     * Returns the number of columns in the copied data.
     *
     * @return the column count
     */
    public int columnCount() {
        return columnFormats.length;
    }

    /**
     * Returns one column's format.
     *
     * @param index the zero-based column index
     * @return 0 for text, 1 for binary
     * @throws IndexOutOfBoundsException if {@code index} is not a column
     */
    public int columnFormat(int index) {
        return columnFormats[index];
    }

    /** Describes the formats for diagnostics. */
    @Override
    public String toString() {
        return "CopyResponse{format=" + overallFormat + ", columns=" + Arrays.toString(columnFormats) + "}";
    }
}
