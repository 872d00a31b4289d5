package io.pgjet.internal.config;

import io.pgjet.InvalidDsnException;
import java.util.List;
import java.util.Locale;

/**
 * Splits a connection string into keyword/value pairs, recognizing its form the way libpq does: a
 * string starting with {@code postgresql://} or {@code postgres://} is a URI, any other string
 * containing {@code =} (or a blank one) is keyword/value pairs, anything else is an error.
 *
 * <p>Keywords are not checked here; {@link ConfigResolver} does that. Messages never quote the
 * input, because it may contain a password. Stateless.
 */
final class DsnParser {

    /**
     * One {@code keyword=value} pair, in the order written; later pairs override earlier ones.
     *
     * @param keyword      the keyword as written (after percent-decoding in URIs)
     * @param value        the value, unquoted and unescaped; may be empty
     * @param followsSecret whether the pair directly follows a password (or other secret) in the
     *                     keyword/value form, so that a bad keyword may be a piece of an unquoted
     *                     password and must not be quoted in messages
     */
    public record RawOption(String keyword, String value, boolean followsSecret) {

        /**
         * Creates a pair that does not follow a secret.
         *
         * @param keyword the keyword
         * @param value   the value
         */
        public RawOption(String keyword, String value) {
            this(keyword, value, false);
        }
    }

    private DsnParser() {
    }

    /**
     * Parses a connection string.
     *
     * @param dsn a URI or keyword/value connection string
     * @return the pairs in order
     * @throws InvalidDsnException if the string is neither form or is malformed
     */
    public static List<RawOption> parse(String dsn) {
        String trimmed = dsn.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        for (String scheme : UriDsnParser.SCHEMES) {
            if (lower.startsWith(scheme)) {
                return UriDsnParser.parse(trimmed.substring(scheme.length()));
            }
        }
        if (lower.startsWith("jdbc:")) {
            throw new InvalidDsnException("JDBC URLs are not supported: use a postgresql:// URI "
                    + "(libpq syntax) or keyword=value pairs");
        }
        if (trimmed.isEmpty() || trimmed.indexOf('=') >= 0) {
            return KeywordDsnParser.parse(dsn);
        }
        throw new InvalidDsnException("invalid connection string: expected a postgresql:// URI "
                + "or keyword=value pairs");
    }
}
