package io.pgjet.protocol;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.Locale;

/**
 * Describes the channel binding a SCRAM exchange uses: none, "supported but not used", or {@code
 * tls-server-end-point} (RFC 5929) data derived from the server's TLS certificate. Immutable and
 * thread-safe.
 */
public final class ChannelBinding {

    /** The only channel binding type PostgreSQL supports. */
    public static final String TLS_SERVER_END_POINT = "tls-server-end-point";

    private static final byte[] NO_DATA = new byte[0];
    private static final ChannelBinding NONE = new ChannelBinding("n,,", NO_DATA);
    private static final ChannelBinding SUPPORTED_BUT_NOT_USED = new ChannelBinding("y,,", NO_DATA);

    private final String gs2Header;
    private final byte[] data;

    private ChannelBinding(String gs2Header, byte[] data) {
        this.gs2Header = gs2Header;
        this.data = data;
    }

    /**
     * Returns the binding for a client that does not support channel binding (e.g. without TLS);
     * GS2 header {@code "n,,"}.
     *
     * @return the shared instance
     */
    public static ChannelBinding none() {
        return NONE;
    }

    /**
     * Returns the binding for a client that supports channel binding but uses plain SCRAM-SHA-256
     * because the server did not offer SCRAM-SHA-256-PLUS; GS2 header {@code "y,,"}, which lets
     * the server detect a downgrade attack.
     *
     * @return the shared instance
     */
    public static ChannelBinding supportedButNotUsed() {
        return SUPPORTED_BUT_NOT_USED;
    }

    /**
     * Computes {@code tls-server-end-point} binding data: the hash of the server certificate's DER
     * encoding, with the hash function of the certificate's signature algorithm, except that MD5
     * and SHA-1 are replaced by SHA-256 (RFC 5929 section 4.1). RSASSA-PSS certificates use the
     * digest named in their parameters.
     *
     * @param serverCertificate the server's leaf certificate from the TLS handshake
     * @return the binding, GS2 header {@code "p=tls-server-end-point,,"}
     * @throws AuthenticationException if the signature algorithm has no usable hash function
     *     (e.g. Ed25519 or Ed448) or the certificate cannot be encoded
     */
    public static ChannelBinding tlsServerEndPoint(X509Certificate serverCertificate) {
        String digest = digestFor(serverCertificate);
        try {
            byte[] hash = MessageDigest.getInstance(digest).digest(serverCertificate.getEncoded());
            return new ChannelBinding("p=" + TLS_SERVER_END_POINT + ",,", hash);
        } catch (GeneralSecurityException e) {
            throw new AuthenticationException("cannot compute tls-server-end-point channel binding with "
                    + digest + " for a " + serverCertificate.getSigAlgName() + " certificate", e);
        }
    }

    /**
     * Adapts this binding to the mechanisms a server offered: a {@code tls-server-end-point}
     * binding becomes {@link #supportedButNotUsed()} when SCRAM-SHA-256-PLUS is not offered.
     *
     * @param serverMechanisms the mechanisms from AuthenticationSASL
     * @return the binding to pass to {@link ScramSha256Client}
     */
    public ChannelBinding adaptTo(List<String> serverMechanisms) {
        if (isUsed() && !serverMechanisms.contains(ScramSha256Client.MECHANISM_PLUS)) {
            return SUPPORTED_BUT_NOT_USED;
        }
        return this;
    }

    /**
     * Returns the channel binding data.
     *
     * @return a copy of the certificate hash, or an empty array if no binding is used
     */
    public byte[] data() {
        return data.clone();
    }

    /**
     * Returns the GS2 header that starts the client-first-message.
     *
     * @return {@code "n,,"}, {@code "y,,"} or {@code "p=tls-server-end-point,,"}
     */
    public String gs2Header() {
        return gs2Header;
    }

    /**
     * Tells whether channel binding data is sent (SCRAM-SHA-256-PLUS).
     *
     * @return true for a {@code tls-server-end-point} binding
     */
    public boolean isUsed() {
        return data.length > 0;
    }

    /** Returns the raw data without copying, for the SCRAM computation. */
    byte[] rawData() {
        return data;
    }

    /** Chooses the RFC 5929 hash for a certificate, reading RSASSA-PSS parameters when needed. */
    static String digestFor(X509Certificate certificate) {
        String algorithm = certificate.getSigAlgName();
        if (algorithm.equalsIgnoreCase("RSASSA-PSS")) {
            return digestForSignatureAlgorithm(pssDigest(certificate) + "withRSA");
        }
        return digestForSignatureAlgorithm(algorithm);
    }

    /**
     * Maps a JCA signature algorithm name such as {@code SHA384withECDSA} to the RFC 5929 hash:
     * its digest, with MD5 and SHA-1 replaced by SHA-256.
     */
    static String digestForSignatureAlgorithm(String signatureAlgorithm) {
        String algorithm = signatureAlgorithm.toUpperCase(Locale.ROOT);
        int with = algorithm.indexOf("WITH");
        if (with <= 0) {
            throw new AuthenticationException("channel binding is not supported for certificates signed with "
                    + signatureAlgorithm);
        }
        String hash = algorithm.substring(0, with);
        if (hash.startsWith("SHA3-")) {
            return hash;
        }
        String compact = hash.replace("-", "");
        if (compact.equals("MD5") || compact.equals("SHA1")) {
            return "SHA-256";
        }
        if (compact.startsWith("SHA") && compact.length() > 3 && Character.isDigit(compact.charAt(3))) {
            return "SHA-" + compact.substring(3);
        }
        throw new AuthenticationException("channel binding is not supported for certificates signed with "
                + signatureAlgorithm);
    }

    private static String pssDigest(X509Certificate certificate) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("RSASSA-PSS");
            parameters.init(certificate.getSigAlgParams());
            return parameters.getParameterSpec(PSSParameterSpec.class).getDigestAlgorithm().toUpperCase(Locale.ROOT);
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            throw new AuthenticationException("cannot read the RSASSA-PSS parameters of the server certificate", e);
        }
    }

    /** Shows the GS2 header only. */
    @Override
    public String toString() {
        return "ChannelBinding[" + gs2Header + "]";
    }
}
