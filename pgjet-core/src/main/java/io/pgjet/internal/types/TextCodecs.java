package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Codecs for the character types (text, varchar, bpchar, name, xml, refcursor and extension
 * types stored as text such as citext), {@code "char"}, {@code bytea} and the text-format
 * fallback used for types without a binary codec.
 *
 * <p>Strings travel as UTF-8 (the client encoding is always UTF8); characters outside the BMP
 * round-trip. A string containing U+0000 is rejected because PostgreSQL cannot store it.
 */
final class TextCodecs {
    private TextCodecs() {
    }

    /**
     * Codec for types whose binary form is their UTF-8 text. Encodes any CharSequence, a Character
     * or an Enum (its {@code name()}).
     */
    static class TextCodec extends Codec {
        TextCodec(int oid, String name) {
            super(oid, name, String.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            return Texts.utf8(buf, off, len);
        }

        @Override
        public String decodeText(byte[] buf, int off, int len, CodecContext ctx) {
            return Texts.utf8(buf, off, len);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (value instanceof CharSequence) {
                Texts.write((CharSequence) value, out, typeName());
            } else if (value instanceof Character) {
                Texts.write(value.toString(), out, typeName());
            } else if (value instanceof Enum) {
                Texts.write(((Enum<?>) value).name(), out, typeName());
            } else {
                throw cannotEncode(value);
            }
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return CharSequence.class.isAssignableFrom(type) || type == Character.class || type.isEnum();
        }
    }

    /**
     * Codec for types without a binary codec: values travel in text format and decode to the
     * server's text. Encodes CharSequences, Characters and Enums (by {@code name()}).
     */
    static final class TextFormatCodec extends TextCodec {
        TextFormatCodec(int oid, String name) {
            super(oid, name);
        }

        @Override
        public int format() {
            return TEXT;
        }
    }

    /**
     * Codec for {@code "char"}, a single byte: String of one character (empty for the zero
     * byte). Bytes above 127 decode to PostgreSQL's octal escape {@code \ooo}, as its output
     * function prints them. Encodes a String or Character holding one ASCII character, the empty
     * string or such an escape.
     */
    static final class CharCodec extends Codec {
        CharCodec() {
            super(TypeOids.CHAR, "char", String.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 1);
            int b = buf[off] & 0xff;
            if (b == 0) {
                return "";
            }
            if (b < 0x80) {
                return String.valueOf((char) b);
            }
            return "\\" + (b >> 6) + ((b >> 3) & 7) + (b & 7);
        }

        @Override
        protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
            if (target == Character.class || target == Byte.class) {
                checkLength(len, 1);
                return target == Byte.class ? (Object) buf[off] : (Object) (char) (buf[off] & 0xff);
            }
            return super.decodeAs(buf, off, len, target, ctx);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            String s;
            if (value instanceof Character) {
                s = value.toString();
            } else if (value instanceof Byte) {
                out.writeByte((Byte) value);
                return;
            } else if (value instanceof CharSequence) {
                s = value.toString();
            } else {
                throw cannotEncode(value);
            }
            if (s.isEmpty()) {
                out.writeByte(0);
            } else if (s.length() == 1 && s.charAt(0) < 0x80 && s.charAt(0) != 0) {
                out.writeByte(s.charAt(0));
            } else if (s.length() == 4 && s.charAt(0) == '\\' && s.substring(1).matches("[0-3][0-7][0-7]")) {
                out.writeByte(Integer.parseInt(s.substring(1), 8));
            } else {
                throw new PgInterfaceException("cannot encode \"" + s + "\" as \"char\": need one ASCII character");
            }
        }

        /** Accepts strings too: sent as text, a longer one would be cut to its first character. */
        @Override
        public boolean canEncode(Class<?> type) {
            return type == Character.class || type == Byte.class || CharSequence.class.isAssignableFrom(type);
        }
    }

    /**
     * Codec for {@code bytea}: byte[] (also ByteBuffer and InputStream on decode). Encodes
     * byte[] and ByteBuffer (its remaining bytes; the buffer's position is not changed).
     */
    static final class ByteaCodec extends Codec {
        private static final char[] HEX = "0123456789abcdef".toCharArray();

        ByteaCodec() {
            super(TypeOids.BYTEA, "bytea", byte[].class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            byte[] b = new byte[len];
            System.arraycopy(buf, off, b, 0, len);
            return b;
        }

        @Override
        protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
            if (target == ByteBuffer.class) {
                return ByteBuffer.wrap((byte[]) decode(buf, off, len, ctx));
            }
            if (target == InputStream.class) {
                return new ByteArrayInputStream(buf, off, len);
            }
            return super.decodeAs(buf, off, len, target, ctx);
        }

        @Override
        public String formatText(Object value, CodecContext ctx) {
            byte[] b = (byte[]) value;
            char[] c = new char[2 + 2 * b.length];
            c[0] = '\\';
            c[1] = 'x';
            for (int i = 0; i < b.length; i++) {
                c[2 + 2 * i] = HEX[(b[i] >> 4) & 0xf];
                c[3 + 2 * i] = HEX[b[i] & 0xf];
            }
            return new String(c);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (value instanceof byte[]) {
                out.writeBytes((byte[]) value);
            } else if (value instanceof ByteBuffer) {
                out.writeBytes(((ByteBuffer) value).duplicate());
            } else {
                throw cannotEncode(value);
            }
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return type == byte[].class || ByteBuffer.class.isAssignableFrom(type);
        }
    }

    /**
     * Codec for json, jsonb and jsonpath: the JSON text as a String by default; other target
     * classes and non-String parameters go through the context's {@code JsonMapper}. jsonb and
     * jsonpath carry a format version byte (1) before the text.
     */
    static final class JsonCodec extends Codec {
        private final boolean versioned;

        JsonCodec(int oid, String name, boolean versioned) {
            super(oid, name, String.class);
            this.versioned = versioned;
        }

        private int start(byte[] buf, int off, int len) {
            if (!versioned) {
                return 0;
            }
            if (len < 1 || buf[off] != 1) {
                throw malformed("unsupported format version " + (len < 1 ? "(none)" : buf[off]));
            }
            return 1;
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            int skip = start(buf, off, len);
            return Texts.utf8(buf, off + skip, len - skip);
        }

        @Override
        protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
            if (target == CharSequence.class) {
                return decode(buf, off, len, ctx);
            }
            return ctx.jsonMapper().decode((String) decode(buf, off, len, ctx), target);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (versioned) {
                out.writeByte(1);
            }
            CharSequence text = value instanceof CharSequence ? (CharSequence) value : ctx.jsonMapper().encode(value);
            Texts.write(text, out, typeName());
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return true;
        }
    }

    /** Codec for {@code ltree} (extension): a version byte (1), then the label path as text. */
    static final class LtreeCodec extends Codec {
        LtreeCodec(int oid, String name) {
            super(oid, name, String.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            if (len < 1 || buf[off] != 1) {
                throw malformed("unsupported format version");
            }
            return Texts.utf8(buf, off + 1, len - 1);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (!(value instanceof CharSequence)) {
                throw cannotEncode(value);
            }
            out.writeByte(1);
            Texts.write((CharSequence) value, out, typeName());
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return CharSequence.class.isAssignableFrom(type);
        }
    }
}
