package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.types.PgTsQuery;
import io.pgjet.types.PgTsVector;
import java.util.ArrayList;
import java.util.List;

/**
 * Codecs for the full-text search types.
 *
 * <p>{@code tsvector} travels in binary both ways: int32 lexeme count, then per lexeme the
 * NUL-terminated text, a uint16 position count and the positions (weight in the top two bits,
 * 3 = A .. 0 = D). {@code tsquery} results are read in binary (items in prefix order, each
 * operator's right operand first) and rendered to the server's text form; tsquery parameters
 * are sent in text format, since the client has no tsquery parser.
 */
final class TextSearchCodecs {
    private static final int QI_VAL = 1;
    private static final int QI_OPR = 2;
    private static final int OP_NOT = 1;
    private static final int OP_AND = 2;
    private static final int OP_OR = 3;
    private static final int OP_PHRASE = 4;
    /** The deepest operator nesting rendered (a query of that many ANDed terms nests as deep). */
    static final int MAX_OPERATOR_DEPTH = 1000;

    private TextSearchCodecs() {
    }

    /** Codec for {@code tsvector}: PgTsVector. */
    static final class TsVectorCodec extends Codec {
        TsVectorCodec() {
            super(TypeOids.TSVECTOR, "tsvector", PgTsVector.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            int end = off + len;
            if (len < 4) {
                throw malformed("too short");
            }
            int count = BinaryPrimitives.int4(buf, off);
            int p = off + 4;
            List<PgTsVector.Lexeme> lexemes = new ArrayList<>(Math.max(0, Math.min(count, len)));
            for (int i = 0; i < count; i++) {
                int nul = p;
                while (nul < end && buf[nul] != 0) {
                    nul++;
                }
                if (nul + 3 > end) {
                    throw malformed("truncated lexeme");
                }
                String word = Texts.utf8(buf, p, nul - p);
                int npos = BinaryPrimitives.int2(buf, nul + 1) & 0xffff;
                p = nul + 3;
                if (p + 2L * npos > end) {
                    throw malformed("truncated positions");
                }
                List<PgTsVector.Position> positions = new ArrayList<>(npos);
                for (int k = 0; k < npos; k++) {
                    int w = BinaryPrimitives.int2(buf, p) & 0xffff;
                    positions.add(new PgTsVector.Position(w & 0x3fff, (char) ('D' - (w >> 14))));
                    p += 2;
                }
                lexemes.add(new PgTsVector.Lexeme(word, positions));
            }
            if (p != end) {
                throw malformed("trailing bytes");
            }
            return new PgTsVector(lexemes);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (!(value instanceof PgTsVector)) {
                throw cannotEncode(value);
            }
            List<PgTsVector.Lexeme> lexemes = ((PgTsVector) value).lexemes();
            out.writeInt(lexemes.size());
            for (PgTsVector.Lexeme l : lexemes) {
                Texts.writeCString(l.word(), out, typeName());
                out.writeShort(l.positions().size());
                for (PgTsVector.Position pos : l.positions()) {
                    out.writeShort(('D' - pos.weight()) << 14 | pos.position());
                }
            }
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return type == PgTsVector.class;
        }
    }

    /** Codec for {@code tsquery}: PgTsQuery holding the server's text rendering. */
    static final class TsQueryCodec extends Codec {
        TsQueryCodec() {
            super(TypeOids.TSQUERY, "tsquery", PgTsQuery.class);
        }

        @Override
        public int parameterFormat() {
            return TEXT;
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            if (len < 4) {
                throw malformed("too short");
            }
            int count = BinaryPrimitives.int4(buf, off);
            if (count == 0) {
                return new PgTsQuery("");
            }
            Cursor c = new Cursor(buf, off + 4, off + len);
            StringBuilder sb = new StringBuilder();
            infix(c, sb, -1, false, 0);
            if (c.pos != c.end) {
                throw malformed("trailing bytes");
            }
            return new PgTsQuery(sb.toString());
        }

        /** Renders one item and its operands as tsqueryout does. */
        private void infix(Cursor c, StringBuilder sb, int parentPriority, boolean rightPhraseOp, int depth) {
            if (depth > MAX_OPERATOR_DEPTH) {
                // a few kilobytes of nested operators would overflow the stack
                throw malformed("operators nested more than " + MAX_OPERATOR_DEPTH + " deep");
            }
            int type = c.u8();
            if (type == QI_VAL) {
                int weight = c.u8();
                int prefix = c.u8();
                quote(sb, c.cstring());
                if (weight != 0 || prefix != 0) {
                    sb.append(':');
                    if (prefix != 0) {
                        sb.append('*');
                    }
                    for (int bit = 3; bit >= 0; bit--) {
                        if ((weight & (1 << bit)) != 0) {
                            sb.append((char) ('A' + 3 - bit));
                        }
                    }
                }
                return;
            }
            if (type != QI_OPR) {
                throw malformed("unknown item type " + type);
            }
            int op = c.u8();
            int priority = priority(op);
            if (op == OP_NOT) {
                boolean parens = priority < parentPriority;
                sb.append(parens ? "( !" : "!");
                infix(c, sb, priority, false, depth + 1);
                if (parens) {
                    sb.append(" )");
                }
                return;
            }
            int distance = op == OP_PHRASE ? c.u16() : 0;
            boolean parens = priority < parentPriority || (op == OP_PHRASE && rightPhraseOp);
            StringBuilder right = new StringBuilder();
            infix(c, right, priority, op == OP_PHRASE, depth + 1);
            if (parens) {
                sb.append("( ");
            }
            infix(c, sb, priority, false, depth + 1);
            switch (op) {
                case OP_OR:
                    sb.append(" | ");
                    break;
                case OP_AND:
                    sb.append(" & ");
                    break;
                default:
                    sb.append(distance == 1 ? " <-> " : " <" + distance + "> ");
            }
            sb.append(right);
            if (parens) {
                sb.append(" )");
            }
        }

        private int priority(int op) {
            switch (op) {
                case OP_NOT:
                    return 4;
                case OP_PHRASE:
                    return 3;
                case OP_AND:
                    return 2;
                case OP_OR:
                    return 1;
                default:
                    throw malformed("unknown operator " + op);
            }
        }

        private static void quote(StringBuilder sb, String word) {
            sb.append('\'');
            for (int i = 0; i < word.length(); i++) {
                char ch = word.charAt(i);
                if (ch == '\'' || ch == '\\') {
                    sb.append(ch);
                }
                sb.append(ch);
            }
            sb.append('\'');
        }

        /** Walks the item bytes. */
        private final class Cursor {
            final byte[] buf;
            final int end;
            int pos;

            Cursor(byte[] buf, int pos, int end) {
                this.buf = buf;
                this.pos = pos;
                this.end = end;
            }

            int u8() {
                if (pos >= end) {
                    throw malformed("truncated");
                }
                return buf[pos++] & 0xff;
            }

            int u16() {
                return u8() << 8 | u8();
            }

            String cstring() {
                int nul = pos;
                while (nul < end && buf[nul] != 0) {
                    nul++;
                }
                if (nul >= end) {
                    throw malformed("unterminated operand");
                }
                String s = Texts.utf8(buf, pos, nul - pos);
                pos = nul + 1;
                return s;
            }
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (value instanceof PgTsQuery) {
                Texts.write(((PgTsQuery) value).text(), out, typeName());
            } else if (value instanceof CharSequence) {
                Texts.write((CharSequence) value, out, typeName());
            } else {
                throw cannotEncode(value);
            }
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return type == PgTsQuery.class;
        }
    }
}
