package io.pgjet.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes passwords out of text the runner prints or writes: the password of a
 * {@code postgresql://user:password@host} URI, and the value of a {@code password} or
 * {@code sslpassword} keyword (keyword/value DSNs, URI query parameters), quoted or not. Applied
 * to the arguments as echoed in reports, to every report file's text and to console messages, so
 * {@code --dsn postgresql://app:secret@db/x} shows as {@code postgresql://app:<redacted>@db/x}.
 */
final class DsnRedaction {
    /** What a password is replaced with. */
    static final String MASK = "<redacted>";

    /** scheme://user:password@ — the password runs to the last @ before the path. */
    private static final Pattern URI_PASSWORD = Pattern.compile(
            "(postgres(?:ql)?://[^:/@?#\\s]*):[^/?#\\s]*@", Pattern.CASE_INSENSITIVE);
    /** password=value, password = 'quoted \' value', ?password=value&, sslpassword=... */
    private static final Pattern KEYWORD_PASSWORD = Pattern.compile(
            "(?<![A-Za-z0-9_])((?:ssl)?password\\s*=\\s*)(?:'(?:[^'\\\\]|\\\\.)*'?|[^&\\s]*)", Pattern.CASE_INSENSITIVE);

    private DsnRedaction() {
    }

    /** Returns {@code text} with every password replaced by {@link #MASK}; null stays null. */
    static String redact(String text) {
        if (text == null) {
            return null;
        }
        String s = URI_PASSWORD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
        return KEYWORD_PASSWORD.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }
}
