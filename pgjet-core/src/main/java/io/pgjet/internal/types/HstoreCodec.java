package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Codec for the {@code hstore} extension type: int32 pair count, then per pair int32 key length
 * and key bytes, int32 value length (-1 for NULL) and value bytes. Decodes to an insertion-ordered
 * {@code Map<String, String>} (server order: by key length, then bytes). Encodes any Map with
 * non-null CharSequence keys and CharSequence or null values, in the server's order so the bytes
 * equal {@code hstore_send}'s.
 */
final class HstoreCodec extends Codec {
    HstoreCodec(int oid, String name) {
        super(oid, name, Map.class);
    }

    @Override
    public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
        if (len < 4) {
            throw malformed("too short");
        }
        int n = BinaryPrimitives.int4(buf, off);
        if (n < 0 || n > (len - 4) / 8) {
            throw malformed(n + " pairs cannot fit in " + len + " bytes");
        }
        Map<String, String> map = new LinkedHashMap<>(n * 2);
        int p = off + 4;
        int end = off + len;
        for (int i = 0; i < n; i++) {
            int kl = length(buf, p, end, false);
            String key = Texts.utf8(buf, p + 4, kl);
            p += 4 + kl;
            int vl = length(buf, p, end, true);
            map.put(key, vl < 0 ? null : Texts.utf8(buf, p + 4, vl));
            p += 4 + Math.max(vl, 0);
        }
        if (p != end) {
            throw malformed("trailing bytes");
        }
        return map;
    }

    private int length(byte[] buf, int p, int end, boolean nullable) {
        if (p + 4 > end) {
            throw malformed("truncated");
        }
        int l = BinaryPrimitives.int4(buf, p);
        if ((l < 0 && !(nullable && l == -1)) || l > end - p - 4) {
            throw malformed("length " + l);
        }
        return l;
    }

    @Override
    public String formatText(Object value, CodecContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            quote(sb, e.getKey().toString());
            sb.append("=>");
            if (e.getValue() == null) {
                sb.append("NULL");
            } else {
                quote(sb, e.getValue().toString());
            }
        }
        return sb.toString();
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    @Override
    public void encode(Object value, ByteBuf out, CodecContext ctx) {
        if (!(value instanceof Map)) {
            throw cannotEncode(value);
        }
        Map<?, ?> map = (Map<?, ?>) value;
        byte[][] keys = new byte[map.size()][];
        byte[][] values = new byte[map.size()][];
        Integer[] order = new Integer[map.size()];
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof CharSequence)) {
                throw new PgInterfaceException("cannot encode hstore key " + e.getKey() + ": keys must be non-null strings");
            }
            if (e.getValue() != null && !(e.getValue() instanceof CharSequence)) {
                throw new PgInterfaceException("cannot encode hstore value of " + e.getValue().getClass().getName()
                        + ": values must be strings or null");
            }
            Texts.checkNoNul((CharSequence) e.getKey(), typeName());
            keys[i] = e.getKey().toString().getBytes(StandardCharsets.UTF_8);
            if (e.getValue() != null) {
                Texts.checkNoNul((CharSequence) e.getValue(), typeName());
                values[i] = e.getValue().toString().getBytes(StandardCharsets.UTF_8);
            }
            order[i] = i;
            i++;
        }
        Arrays.sort(order, (a, b) -> keys[a].length != keys[b].length ? Integer.compare(keys[a].length, keys[b].length)
                : Arrays.compareUnsigned(keys[a], keys[b]));
        out.writeInt(keys.length);
        for (int k : order) {
            out.writeInt(keys[k].length).writeBytes(keys[k]);
            if (values[k] == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(values[k].length).writeBytes(values[k]);
            }
        }
    }

    @Override
    public boolean canEncode(Class<?> type) {
        return Map.class.isAssignableFrom(type);
    }
}
