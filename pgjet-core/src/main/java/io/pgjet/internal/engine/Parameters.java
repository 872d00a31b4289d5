package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.pgjet.protocol.FrontendMessages;

/**
 * Bound parameter values as PostgreSQL text, with the type OIDs to declare in Parse (0 lets the
 * server infer the type). The type system replaces text with binary encodings per type.
 *
 * @param values text values; a null element is SQL NULL
 * @param typeOids one OID per value, or an empty array to let the server infer all
 */
public record Parameters(String[] values, int[] typeOids) implements BindEncoder {
    private static final short[] ALL_TEXT = new short[0];
    private static final String[] NO_VALUES = new String[0];
    private static final int[] NO_OIDS = new int[0];

    /** The empty parameter list. */
    public static final Parameters NONE = new Parameters(NO_VALUES, NO_OIDS);

    /** Returns parameters whose types the server infers from the statement. */
    public static Parameters text(String... values) {
        return values.length == 0 ? NONE : new Parameters(values, NO_OIDS);
    }

    /** Writes a Bind of these text values; result columns in text format. */
    @Override
    public void writeBind(ByteBuf out, String portal, PreparedInfo statement) {
        writeBind(out, portal, statement.name(), ResultFormats.TEXT);
    }

    /** Writes a complete Bind message for these values. */
    void writeBind(ByteBuf out, String portal, String statement, short[] resultFormats) {
        int mark = out.writerIndex();
        try {
            writeBindUnchecked(out, portal, statement, resultFormats);
        } catch (RuntimeException e) {
            out.writerIndex(mark);
            throw e;
        }
    }

    private void writeBindUnchecked(ByteBuf out, String portal, String statement, short[] resultFormats) {
        int start = FrontendMessages.bindStart(out, portal, statement, ALL_TEXT, values.length);
        for (String value : values) {
            if (value == null) {
                FrontendMessages.bindNull(out);
            } else {
                int length = FrontendMessages.bindValueStart(out);
                ByteBufUtil.writeUtf8(out, value);
                FrontendMessages.bindValueEnd(out, length);
            }
        }
        FrontendMessages.bindEnd(out, start, resultFormats);
    }
}
