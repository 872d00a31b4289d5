package io.pgjet.internal.config;

import io.pgjet.InvalidDsnException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses libpq's keyword/value form: {@code host=localhost port=5432 password='p w\'x'}.
 *
 * <p>Pairs are separated by whitespace; whitespace around {@code =} is allowed. A value is either
 * single-quoted (may contain whitespace; {@code \'} and {@code \\} escape) or unquoted (ends at
 * whitespace; a backslash escapes the next character). {@code key=''} gives an empty value.
 * Stateless.
 */
final class KeywordDsnParser {

    private KeywordDsnParser() {
    }

    static List<DsnParser.RawOption> parse(String text) {
        List<DsnParser.RawOption> options = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int keywordStart = i;
            while (i < n && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String keyword = text.substring(keywordStart, i);
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String previous = options.isEmpty() ? null : options.get(options.size() - 1).keyword();
            if (i >= n || text.charAt(i) != '=') {
                throw new InvalidDsnException(followsSecret(previous)
                        ? "missing \"=\" in connection string after the value of \"" + previous
                                + "\" (quote values that contain spaces)"
                        : "missing \"=\" after \"" + keyword + "\" in connection string");
            }
            i++;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '\'') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new InvalidDsnException("unterminated quoted string in connection string "
                                + "(value of \"" + keyword + "\")");
                    }
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        value.append(text.charAt(i + 1));
                        i += 2;
                    } else if (c == '\\') {
                        i++;
                    } else if (c == '\'') {
                        i++;
                        break;
                    } else {
                        value.append(c);
                        i++;
                    }
                }
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    char c = text.charAt(i);
                    if (c == '\\') {
                        if (i + 1 < n) {
                            value.append(text.charAt(i + 1));
                        }
                        i += 2;
                    } else {
                        value.append(c);
                        i++;
                    }
                }
            }
            options.add(new DsnParser.RawOption(keyword, value.toString(), followsSecret(previous)));
        }
        return options;
    }

    /** A stray word after a secret's value is probably the rest of an unquoted secret. */
    private static boolean followsSecret(String previousKeyword) {
        ConnectionKeyword keyword = previousKeyword == null ? null : ConnectionKeyword.byName(previousKeyword);
        return keyword != null && keyword.isSecret();
    }
}
