package io.pgjet.internal.engine;

/** Format-code arrays for Bind, shared so the hot path allocates none. */
final class ResultFormats {
    /** Every result column in text format. */
    static final short[] TEXT = new short[0];
    /** Every result column in binary format. */
    static final short[] BINARY = {1};

    private ResultFormats() {}
}
