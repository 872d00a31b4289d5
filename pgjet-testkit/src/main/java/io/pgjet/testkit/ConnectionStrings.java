package io.pgjet.testkit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds libpq URIs and pgjdbc URLs with every component percent-encoded. Stateless. */
final class ConnectionStrings {
    private ConnectionStrings() {
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@return {@code host} ready for a URI authority: IPv6 literals get brackets} */
    static String uriHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** {@return {@code postgresql://user[:password]@host:port/db[?params]}} */
    static String dsn(String user, String password, String host, int port, String db, Map<String, String> params) {
        String auth = encode(user) + (password == null || password.isEmpty() ? "" : ":" + encode(password));
        return "postgresql://" + auth + "@" + uriHost(host) + ":" + port + "/" + encode(db) + query("?", params);
    }

    /** {@return {@code jdbc:postgresql://host:port/db?user=..&password=..[&params]}} */
    static String jdbcUrl(String user, String password, String host, int port, String db, Map<String, String> params) {
        StringBuilder sb = new StringBuilder("jdbc:postgresql://").append(uriHost(host)).append(':').append(port)
                .append('/').append(encode(db)).append("?user=").append(encode(user));
        if (password != null && !password.isEmpty()) {
            sb.append("&password=").append(encode(password));
        }
        return sb.append(query("&", params)).toString();
    }

    private static String query(String lead, Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        return params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&", lead, ""));
    }
}
