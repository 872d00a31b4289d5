package io.pgjet.internal.config;

import io.pgjet.InvalidDsnException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses libpq's URI form:
 * {@code postgresql://[user[:password]@][host][:port][,...][/dbname][?keyword=value[&...]]}.
 *
 * <p>Follows libpq's rules: the user info ends at the first {@code @} before any {@code /}; hosts
 * are comma-separated, IPv6 addresses in brackets; every part is percent-decoded ({@code +} stays
 * a plus sign, {@code %00} is refused); a percent-encoded path such as {@code %2Ftmp} as host names
 * a unix-domain socket directory; query keys are libpq keywords, and {@code ssl=true} means
 * {@code sslmode=require} (for JDBC compatibility). An empty user, password or database is treated
 * as not given. The result is keyword/value pairs ({@code host} and {@code port} as comma lists),
 * so both forms share one interpretation. Stateless.
 */
final class UriDsnParser {

    /** The URI prefixes libpq accepts, lower case; matched case-insensitively. */
    static final List<String> SCHEMES = List.of("postgresql://", "postgres://");

    private UriDsnParser() {
    }

    /** Parses what follows the scheme. */
    static List<DsnParser.RawOption> parse(String uri) {
        List<DsnParser.RawOption> options = new ArrayList<>();
        int n = uri.length();
        int p = 0;

        int at = -1;
        for (int i = 0; i < n && uri.charAt(i) != '/'; i++) {
            if (uri.charAt(i) == '@') {
                at = i;
                break;
            }
        }
        if (at >= 0) {
            String userInfo = uri.substring(0, at);
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            if (!user.isEmpty()) {
                options.add(new DsnParser.RawOption("user", decode(user, "user name")));
            }
            if (colon >= 0 && colon + 1 < userInfo.length()) {
                options.add(new DsnParser.RawOption("password", decode(userInfo.substring(colon + 1), "password")));
            }
            p = at + 1;
        }

        StringBuilder hosts = new StringBuilder();
        StringBuilder ports = new StringBuilder();
        char terminator;
        while (true) {
            if (p < n && uri.charAt(p) == '[') {
                int close = uri.indexOf(']', p + 1);
                if (close < 0) {
                    throw new InvalidDsnException("missing \"]\" after IPv6 host address in connection URI");
                }
                if (close == p + 1) {
                    throw new InvalidDsnException("empty IPv6 host address \"[]\" in connection URI");
                }
                hosts.append(uri, p + 1, close);
                p = close + 1;
                if (p < n && ":/?,".indexOf(uri.charAt(p)) < 0) {
                    throw new InvalidDsnException("unexpected character after IPv6 host address in connection URI "
                            + "(expected \":\", \"/\", \"?\" or \",\")");
                }
            } else {
                int start = p;
                while (p < n && ":/?,".indexOf(uri.charAt(p)) < 0) {
                    p++;
                }
                hosts.append(uri, start, p);
            }
            terminator = p < n ? uri.charAt(p) : 0;
            if (terminator == ':') {
                int start = ++p;
                while (p < n && "/?,".indexOf(uri.charAt(p)) < 0) {
                    p++;
                }
                ports.append(uri, start, p);
                terminator = p < n ? uri.charAt(p) : 0;
            }
            if (terminator != ',') {
                break;
            }
            p++;
            hosts.append(',');
            ports.append(',');
        }
        if (hosts.length() > 0) {
            options.add(new DsnParser.RawOption("host", decode(hosts.toString(), "host")));
        }
        if (ports.length() > 0) {
            options.add(new DsnParser.RawOption("port", decode(ports.toString(), "port")));
        }

        if (terminator == '/') {
            int start = ++p;
            while (p < n && uri.charAt(p) != '?') {
                p++;
            }
            String database = uri.substring(start, p);
            if (!database.isEmpty()) {
                options.add(new DsnParser.RawOption("dbname", decode(database, "database name")));
            }
            terminator = p < n ? '?' : 0;
        }
        if (terminator == '?') {
            parseQuery(uri.substring(p + 1), options);
        }
        return options;
    }

    private static void parseQuery(String query, List<DsnParser.RawOption> options) {
        int n = query.length();
        int p = 0;
        while (p < n) {
            int start = p;
            int equals = -1;
            while (p < n && query.charAt(p) != '&') {
                if (query.charAt(p) == '=') {
                    if (equals >= 0) {
                        throw new InvalidDsnException("extra \"=\" in parameter \""
                                + decode(query.substring(start, equals), "parameter name")
                                + "\" of connection URI");
                    }
                    equals = p;
                }
                p++;
            }
            if (equals < 0) {
                String token = decode(query.substring(start, p), "parameter name");
                throw new InvalidDsnException(secretsSoFar(options).isSensitive(token)
                        ? "missing \"=\" in a parameter of connection URI " + SecretRedactor.WITHHELD
                        : "missing \"=\" in parameter \"" + token + "\" of connection URI");
            }
            String keyword = decode(query.substring(start, equals), "parameter name");
            String value = decode(query.substring(equals + 1, p), "value of parameter \"" + keyword + "\"");
            if (keyword.equals("ssl") && value.equals("true")) {
                keyword = "sslmode";
                value = "require";
            }
            options.add(new DsnParser.RawOption(keyword, value));
            p++;
        }
    }

    private static SecretRedactor secretsSoFar(List<DsnParser.RawOption> options) {
        List<String> secrets = new ArrayList<>();
        for (DsnParser.RawOption option : options) {
            ConnectionKeyword keyword = ConnectionKeyword.byName(option.keyword());
            if (keyword != null && keyword.isSecret()) {
                secrets.add(option.value());
            }
        }
        return new SecretRedactor(secrets);
    }

    /**
     * Percent-decodes one part of the URI as UTF-8. Messages name the part, never its content.
     */
    static String decode(String encoded, String part) {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c != '%') {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < encoded.length()) {
                    utf8 = encoded.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
                continue;
            }
            int high = i + 1 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
            int low = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                throw new InvalidDsnException("invalid percent-encoding in " + part + " of connection URI "
                        + "(\"%\" must be followed by two hexadecimal digits)");
            }
            int value = high * 16 + low;
            if (value == 0) {
                throw new InvalidDsnException("forbidden value %00 in " + part + " of connection URI");
            }
            bytes.write(value);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidDsnException("invalid UTF-8 in percent-encoded " + part + " of connection URI");
        }
    }
}
