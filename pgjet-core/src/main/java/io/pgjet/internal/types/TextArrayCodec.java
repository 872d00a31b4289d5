package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;
import io.pgjet.types.PgArray;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The text form of an array type whose elements do not travel in binary: a custom text codec
 * ({@code setTypeCodec(..., TextTypeCodec)}) or a type PgJet has no codec for. Values travel as
 * PostgreSQL array literals (<code>{a,"b c",NULL}</code>, nested braces per dimension) whose
 * elements are the element codec's text; so an array uses its element type's codec whatever that
 * codec's format.
 *
 * <p>Decodes to an unmodifiable {@code List} (nested per dimension; lower bounds dropped) of the
 * element codec's values; when the element type has no codec, to the literal's String. Encodes what
 * {@link ArrayCodec} encodes; each element must be accepted by the element's text codec, or be a
 * string (sent as is), or, for a type without a codec, a number, boolean, UUID or enum (its text).
 */
final class TextArrayCodec extends Codec {
    private final ArrayCodec array;
    private final char delimiter;
    private final boolean decodesElements;

    /**
     * Creates the text form of {@code array}.
     *
     * @param decodesElements whether results decode to a List of the element codec's values;
     *     false when the element type has no codec: results stay the literal's String, as for any
     *     type without a codec
     */
    TextArrayCodec(ArrayCodec array, boolean decodesElements) {
        super(array.oid(), array.typeName(), decodesElements ? List.class : String.class);
        this.array = array;
        this.delimiter = array.elementOid() == TypeOids.BOX ? ';' : ',';
        this.decodesElements = decodesElements;
    }

    @Override
    public int format() {
        return TEXT;
    }

    @Override
    public boolean canEncode(Class<?> type) {
        return array.canEncode(type);
    }

    private Codec element(CodecContext ctx) {
        return ctx.registry().codec(array.elementOid());
    }

    // ---- results ----------------------------------------------------------------------------

    @Override
    public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
        String literal = Texts.utf8(buf, off, len);
        return decodesElements ? new Parser(literal, element(ctx), ctx).parse() : literal;
    }

    @Override
    public String decodeText(byte[] buf, int off, int len, CodecContext ctx) {
        return Texts.utf8(buf, off, len);
    }

    @Override
    public String formatText(Object value, CodecContext ctx) {
        StringBuilder sb = new StringBuilder();
        literal(value, element(ctx), ctx, sb);
        return sb.toString();
    }

    /** Reads an array literal as array_out writes it. */
    private final class Parser {
        private final String s;
        private final Codec element;
        private final CodecContext ctx;
        private int pos;

        Parser(String s, Codec element, CodecContext ctx) {
            this.s = s;
            this.element = element;
            this.ctx = ctx;
        }

        List<Object> parse() {
            if (pos < s.length() && s.charAt(pos) == '[') {
                int eq = s.indexOf('=');
                if (eq < 0) {
                    throw malformed();
                }
                pos = eq + 1; // dimension decoration: bounds are dropped, as for binary arrays
            }
            List<Object> out = level();
            if (pos != s.length()) {
                throw malformed();
            }
            return out;
        }

        private List<Object> level() {
            expect('{');
            List<Object> items = new ArrayList<>();
            if (peek() == '}') {
                pos++;
                return Collections.unmodifiableList(items);
            }
            while (true) {
                if (peek() == '{') {
                    items.add(level());
                } else {
                    items.add(item());
                }
                char c = next();
                if (c == '}') {
                    return Collections.unmodifiableList(items);
                }
                if (c != delimiter) {
                    throw malformed();
                }
            }
        }

        private Object item() {
            StringBuilder sb = new StringBuilder();
            if (peek() == '"') {
                pos++;
                for (char c = next(); c != '"'; c = next()) {
                    sb.append(c == '\\' ? next() : c);
                }
                return value(sb.toString());
            }
            while (peek() != delimiter && peek() != '}') {
                char c = next();
                sb.append(c == '\\' ? next() : c);
            }
            String text = sb.toString().strip();
            return text.equalsIgnoreCase("NULL") ? null : value(text);
        }

        private Object value(String text) {
            if (element == null || element.format() != TEXT) {
                return text;
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return element.decode(bytes, 0, bytes.length, ctx);
        }

        private char peek() {
            if (pos >= s.length()) {
                throw malformed();
            }
            return s.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw malformed();
            }
        }

        private io.pgjet.PgProtocolException malformed() {
            return new io.pgjet.PgProtocolException("malformed " + typeName() + " text value: " + s);
        }
    }

    // ---- parameters -------------------------------------------------------------------------

    @Override
    public void encode(Object value, ByteBuf out, CodecContext ctx) {
        if (!canEncode(value.getClass())) {
            throw cannotEncode(value);
        }
        StringBuilder sb = new StringBuilder();
        literal(value, element(ctx), ctx, sb);
        Texts.write(sb, out, typeName());
    }

    private void literal(Object value, Codec element, CodecContext ctx, StringBuilder sb) {
        if (value instanceof PgArray) {
            PgArray a = (PgArray) value;
            boolean bounds = false;
            for (int lb : a.lowerBounds()) {
                bounds |= lb != 1;
            }
            if (bounds && !a.elements().isEmpty()) {
                for (int d = 0; d < a.dimensions().length; d++) {
                    sb.append('[').append(a.lowerBounds()[d]).append(':')
                            .append(a.lowerBounds()[d] + a.dimensions()[d] - 1).append(']');
                }
                sb.append('=');
            }
            value = a.toList();
        }
        sb.append('{');
        int i = 0;
        for (Object e : items(value)) {
            if (i++ > 0) {
                sb.append(delimiter);
            }
            if (e == null) {
                sb.append("NULL");
            } else if (ArrayShapes.isArrayLike(e) && (element == null || !element.canEncode(e.getClass()))) {
                literal(e, element, ctx, sb);
            } else {
                ArrayCodec.appendQuoted(sb, elementText(e, element, ctx), delimiter);
            }
        }
        sb.append('}');
    }

    private static Iterable<?> items(Object value) {
        if (value instanceof Collection) {
            return (Collection<?>) value;
        }
        List<Object> list = new ArrayList<>();
        for (int i = 0, n = Array.getLength(value); i < n; i++) {
            list.add(Array.get(value, i));
        }
        return list;
    }

    /** Returns an element's text: the element codec's, a string as is, or a scalar's text for a type without a codec. */
    private String elementText(Object e, Codec element, CodecContext ctx) {
        if (element != null && element.format() == TEXT && element.canEncode(e.getClass())) {
            ByteBuf tmp = io.netty.buffer.Unpooled.buffer();
            try {
                element.encode(e, tmp, ctx);
                return tmp.toString(StandardCharsets.UTF_8);
            } finally {
                tmp.release();
            }
        }
        if (e instanceof CharSequence || e instanceof Character) {
            return e.toString();
        }
        if (element == null && (e instanceof Number || e instanceof Boolean || e instanceof UUID)) {
            return e.toString();
        }
        if (element == null && e instanceof Enum) {
            return ((Enum<?>) e).name();
        }
        throw new PgInterfaceException("cannot encode " + e.getClass().getName() + " as an element of " + typeName());
    }
}
