package io.pgjet.internal.result;

import io.pgjet.internal.types.Codec;
import io.pgjet.internal.types.CodecContext;
import io.pgjet.protocol.RowDescription;
import java.util.function.Supplier;

/**
 * The column layout shared by every row of one result: names and type OIDs from the
 * RowDescription, plus the codec and wire format PgJet chose for each column (binary where it
 * has a binary codec, text otherwise), resolved once per statement so rows carry only bytes.
 */
public final class Columns {
    private static final short[] ALL_TEXT = new short[0];
    private static final short[] ALL_BINARY = {1};

    private final RowDescription description;
    private final Codec[] codecs;
    private final short[] formats;
    private final boolean[] binary;
    private final Supplier<CodecContext> context;

    /** Wraps a RowDescription whose values arrive in text format (simple query, catalog lookups). */
    public Columns(RowDescription description) {
        this(description, new Codec[description.columnCount()], null);
    }

    /**
     * Creates a layout with a decoding codec per column: a codec whose {@link Codec#format()} is
     * binary means the column is requested in binary; a text-format codec (a user codec) or null
     * means it is requested in text (null: returned as a String).
     *
     * @param context supplies the session facts codecs need (time zone...); null when all text
     */
    public Columns(RowDescription description, Codec[] codecs, Supplier<CodecContext> context) {
        this.description = description;
        this.codecs = codecs;
        this.context = context;
        boolean anyBinary = false;
        boolean allBinary = codecs.length > 0;
        short[] perColumn = new short[codecs.length];
        for (int i = 0; i < codecs.length; i++) {
            boolean binary = codecs[i] != null && codecs[i].format() == Codec.BINARY;
            perColumn[i] = (short) (binary ? 1 : 0);
            anyBinary |= binary;
            allBinary &= binary;
        }
        this.formats = allBinary ? ALL_BINARY : anyBinary ? perColumn : ALL_TEXT;
        this.binary = new boolean[codecs.length];
        for (int i = 0; i < codecs.length; i++) {
            binary[i] = perColumn[i] == 1;
        }
    }

    /** Returns the number of columns. */
    public int count() {
        return description.columnCount();
    }

    /** Returns the name of column {@code index}. */
    public String name(int index) {
        return description.name(index);
    }

    /** Returns the type OID of column {@code index}. */
    public int typeOid(int index) {
        return description.typeOid(index);
    }

    /** Returns the format code of column {@code index} as requested in Bind (0 text, 1 binary). */
    public int format(int index) {
        return binary[index] ? 1 : 0;
    }

    /** Returns whether column {@code index} arrives in binary format. */
    public boolean isBinary(int index) {
        return binary[index];
    }

    /** Returns the codec that decodes column {@code index} (binary, or a text-format user codec), or null for plain text. */
    public Codec codec(int index) {
        return codecs[index];
    }

    /** Returns the session facts for decoding. */
    public CodecContext context() {
        return context.get();
    }

    /** Returns the session facts for decoding, or null for a layout whose values are all plain text. */
    public CodecContext contextOrNull() {
        return context == null ? null : context.get();
    }

    /** Returns the result-format codes to send in Bind (shared arrays: do not modify). */
    public short[] resultFormats() {
        return formats;
    }

    /** Returns the first column named {@code name}, or -1. */
    public int indexOf(String name) {
        return description.indexOf(name);
    }

    /** Returns the underlying RowDescription. */
    public RowDescription description() {
        return description;
    }
}
