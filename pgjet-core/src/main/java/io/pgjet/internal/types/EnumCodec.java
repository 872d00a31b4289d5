package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;
import java.util.List;

/**
 * Codec for an enum type: the label as UTF-8 text. Decodes to String, or to a Java enum class
 * whose constant is named like the label (exactly, else ignoring case). Encodes String and Java
 * enums (by {@code name()}).
 */
final class EnumCodec extends Codec {
    private final List<String> labels;

    EnumCodec(int oid, String name, List<String> labels) {
        super(oid, name, String.class);
        this.labels = List.copyOf(labels);
    }

    /**
     * Returns the labels in sort order, as introspection found them.
     *
     * @return the labels
     */
    List<String> labels() {
        return labels;
    }

    @Override
    public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
        return Texts.utf8(buf, off, len);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
        if (target.isEnum()) {
            String label = Texts.utf8(buf, off, len);
            for (Object c : target.getEnumConstants()) {
                if (((Enum) c).name().equals(label)) {
                    return c;
                }
            }
            for (Object c : target.getEnumConstants()) {
                if (((Enum) c).name().equalsIgnoreCase(label)) {
                    return c;
                }
            }
            throw new PgInterfaceException("enum " + target.getName() + " has no constant for " + typeName()
                    + " label \"" + label + "\"");
        }
        return super.decodeAs(buf, off, len, target, ctx);
    }

    @Override
    public void encode(Object value, ByteBuf out, CodecContext ctx) {
        if (value instanceof Enum) {
            Texts.write(((Enum<?>) value).name(), out, typeName());
        } else if (value instanceof CharSequence) {
            Texts.write((CharSequence) value, out, typeName());
        } else {
            throw cannotEncode(value);
        }
    }

    @Override
    public boolean canEncode(Class<?> type) {
        return type.isEnum() || CharSequence.class.isAssignableFrom(type);
    }
}
