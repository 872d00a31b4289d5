package io.pgjet.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Reuses the String of a command tag seen recently ({@code SELECT 1}, {@code INSERT 0 1}), so a
 * stream of short queries does not decode and allocate the same tag for every answer.
 *
 * <p>A fixed table of {@value #SLOTS} entries indexed by a hash of the tag's bytes; an entry holds
 * the last ASCII tag that hashed there and is compared byte by byte before it is reused. Shared by
 * all threads without locks: Strings are immutable and safe to publish through a race, and a
 * racing write only costs the other thread a miss.
 */
final class CommandTags {
    private static final int SLOTS = 256;
    /** Longer tags are decoded every time (a row count has at most 20 digits). */
    static final int MAX_CACHED_LENGTH = 40;
    private static final String[] CACHE = new String[SLOTS];

    private CommandTags() {}

    /** Returns the tag in {@code body[start, start + length)}, decoded as UTF-8. */
    static String read(ByteBuf body, int start, int length) {
        if (length == 0) {
            return "";
        }
        if (length > MAX_CACHED_LENGTH) {
            return body.toString(start, length, StandardCharsets.UTF_8);
        }
        int hash = 0;
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            byte b = body.getByte(start + i);
            hash = 31 * hash + b;
            ascii &= b >= 0;
        }
        if (!ascii) {
            return body.toString(start, length, StandardCharsets.UTF_8);
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        String cached = CACHE[slot];
        if (cached != null && sameAscii(cached, body, start, length)) {
            return cached;
        }
        String tag = body.toString(start, length, StandardCharsets.US_ASCII);
        CACHE[slot] = tag;
        return tag;
    }

    private static boolean sameAscii(String s, ByteBuf body, int start, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != body.getByte(start + i)) {
                return false;
            }
        }
        return true;
    }
}
