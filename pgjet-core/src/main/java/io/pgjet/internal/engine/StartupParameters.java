package io.pgjet.internal.engine;

import io.pgjet.ChannelBindingMode;
import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * What the startup command sends and needs: the StartupMessage parameters (user, database,
 * application_name, options, server settings), the password, and the TLS facts that channel
 * binding depends on.
 *
 * @param startupMessage parameters in the order they are sent; must contain "user"
 * @param password the password, or null when none is configured (never logged)
 * @param protocolVersion the protocol version to request (e.g. {@code ProtocolVersion.V3_2})
 * @param channelBinding whether SCRAM channel binding is disabled, preferred or required
 * @param serverCertificate the server's TLS certificate, or null on a plain connection
 * @param requireAuth the authentication methods the server may choose ({@code require_auth})
 * @param oauthToken the OAuth bearer token to offer for OAUTHBEARER, or null (never logged)
 * @param scramMaxIterations the largest SCRAM iteration count accepted from the server
 */
public record StartupParameters(
        Map<String, String> startupMessage,
        String password,
        int protocolVersion,
        ChannelBindingMode channelBinding,
        X509Certificate serverCertificate,
        AuthRequirement requireAuth,
        String oauthToken,
        int scramMaxIterations) {

    /** Hides the password and the token: records print their components. */
    @Override
    public String toString() {
        return "StartupParameters[" + startupMessage + ", protocolVersion=" + protocolVersion
                + ", channelBinding=" + channelBinding + ", tls=" + (serverCertificate != null)
                + ", requireAuth=" + requireAuth
                + ", scramMaxIterations=" + scramMaxIterations + "]";
    }
}
