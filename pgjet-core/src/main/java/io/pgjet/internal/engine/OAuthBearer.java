package io.pgjet.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of the SASL mechanism OAUTHBEARER (RFC 7628) as PostgreSQL 18 uses it: the
 * initial response carries the bearer token; a server that rejects it sends a JSON error
 * ({@code {"status":"invalid_token",...}}), which the client acknowledges with a lone
 * separator. Stateless.
 */
final class OAuthBearer {
    /** The mechanism name in AuthenticationSASL. */
    static final String MECHANISM = "OAUTHBEARER";
    /** The client's answer to the server's error message (RFC 7628 section 3.2.3). */
    static final byte[] ERROR_ACKNOWLEDGEMENT = {0x01};
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"\\\\]{0,100})\"");

    private OAuthBearer() {
    }

    /**
     * Returns the initial client response: GS2 header without channel binding nor authzid, then
     * the {@code auth} key with the token, each pair ended by 0x01 and the list by another 0x01.
     */
    static byte[] initialResponse(String token) {
        return ("n,,\u0001auth=Bearer " + token + "\u0001\u0001").getBytes(StandardCharsets.US_ASCII);
    }

    /** Returns the {@code status} of the server's JSON error, or "unknown" when it has none. */
    static String errorStatus(byte[] json) {
        Matcher m = STATUS.matcher(new String(json, StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : "unknown";
    }
}
