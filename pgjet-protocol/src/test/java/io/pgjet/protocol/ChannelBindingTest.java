package io.pgjet.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * tls-server-end-point data for real certificates. The PEM resources are self-signed test
 * certificates generated once with OpenSSL 3.0 ({@code openssl req -x509 -newkey ... -sha256}
 * etc.; the keys were discarded); the expected hashes come from {@code openssl x509 -outform DER
 * | openssl dgst -sha256/-sha384/-sha512}.
 */
class ChannelBindingTest {

    static X509Certificate certificate(String name) throws Exception {
        try (InputStream in = ChannelBindingTest.class.getResourceAsStream(name + ".pem")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static byte[] hex(String hex) {
        return Wire.bytes(hex);
    }

    @Test
    void sha256WithRsaCertificateIsHashedWithSha256() throws Exception {
        ChannelBinding binding = ChannelBinding.tlsServerEndPoint(certificate("rsa-sha256"));
        assertArrayEquals(hex("afff9d1300f7e98de110b4aa6d3847055e01058070682e7365afa61fd23de913"), binding.data());
        assertEquals("p=tls-server-end-point,,", binding.gs2Header());
        assertTrue(binding.isUsed());
    }

    @Test
    void sha384WithEcdsaCertificateIsHashedWithSha384() throws Exception {
        assertArrayEquals(hex("36069210275245f0444030a614b10c4cc19feee7894a7a8b69febcea465f1f20595761c95fb59a2f8fde3fc32587402d"),
                ChannelBinding.tlsServerEndPoint(certificate("ecdsa-sha384")).data());
    }

    @Test
    void sha512WithRsaCertificateIsHashedWithSha512() throws Exception {
        assertArrayEquals(hex("88d46415aa23c75659bfa3e187c442fff1c4e58ca5666573783e6d35882e8007"
                + "582d22b48d3cf642d928fca33bc2485b0a5f3eaf3c721c5ea15fc5a4efc2ee5c"),
                ChannelBinding.tlsServerEndPoint(certificate("rsa-sha512")).data());
    }

    @Test
    void sha1CertificateIsUpgradedToSha256() throws Exception {
        assertArrayEquals(hex("01b3fbaff2133b55140d9bbafa772a8a1560dde50e97f6c73e409eb7413af9e2"),
                ChannelBinding.tlsServerEndPoint(certificate("rsa-sha1")).data());
    }

    @Test
    void rsaPssCertificateUsesTheDigestFromItsParameters() throws Exception {
        assertArrayEquals(hex("69ceef3dc5d231c55251cfdb2bfcf091b811a0e938327aac26c954aff91da155a4452c408f563705125fb84f43bee44a"),
                ChannelBinding.tlsServerEndPoint(certificate("rsa-pss-sha384")).data());
    }

    @Test
    void ed25519CertificateCannotBeBound() throws Exception {
        X509Certificate ed25519 = certificate("ed25519");
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> ChannelBinding.tlsServerEndPoint(ed25519));
        assertTrue(e.getMessage().contains("Ed25519") || e.getMessage().contains("EdDSA"), e.getMessage());
    }

    @Test
    void signatureAlgorithmNamesMapToTheirDigestWithWeakOnesUpgraded() {
        assertEquals("SHA-256", ChannelBinding.digestForSignatureAlgorithm("SHA256withRSA"));
        assertEquals("SHA-224", ChannelBinding.digestForSignatureAlgorithm("SHA224withDSA"));
        assertEquals("SHA-384", ChannelBinding.digestForSignatureAlgorithm("SHA384withECDSA"));
        assertEquals("SHA-512", ChannelBinding.digestForSignatureAlgorithm("SHA512withRSA"));
        assertEquals("SHA3-256", ChannelBinding.digestForSignatureAlgorithm("SHA3-256withRSA"));
        assertEquals("SHA-256", ChannelBinding.digestForSignatureAlgorithm("SHA1withRSA"));
        assertEquals("SHA-256", ChannelBinding.digestForSignatureAlgorithm("MD5withRSA"));
        assertEquals("SHA-256", ChannelBinding.digestForSignatureAlgorithm("SHA-256withRSA"));
        assertThrows(AuthenticationException.class, () -> ChannelBinding.digestForSignatureAlgorithm("Ed448"));
        assertThrows(AuthenticationException.class, () -> ChannelBinding.digestForSignatureAlgorithm("EdDSA"));
        assertThrows(AuthenticationException.class, () -> ChannelBinding.digestForSignatureAlgorithm("GOST3411withECGOST3410"));
    }

    @Test
    void noneAndSupportedButNotUsedHaveNoDataAndTheirHeaders() {
        assertEquals("n,,", ChannelBinding.none().gs2Header());
        assertEquals("y,,", ChannelBinding.supportedButNotUsed().gs2Header());
        assertEquals(0, ChannelBinding.none().data().length);
        assertFalse(ChannelBinding.supportedButNotUsed().isUsed());
    }

    @Test
    void bindingDowngradesToYWhenTheServerDoesNotOfferPlus() throws Exception {
        ChannelBinding binding = ChannelBinding.tlsServerEndPoint(certificate("rsa-sha256"));
        assertSame(binding, binding.adaptTo(List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256")));
        assertSame(ChannelBinding.supportedButNotUsed(), binding.adaptTo(List.of("SCRAM-SHA-256")));
        assertSame(ChannelBinding.none(), ChannelBinding.none().adaptTo(List.of("SCRAM-SHA-256-PLUS")));
    }

    @Test
    void dataIsACopy() throws Exception {
        ChannelBinding binding = ChannelBinding.tlsServerEndPoint(certificate("rsa-sha256"));
        binding.data()[0] ^= 1;
        assertArrayEquals(hex("afff9d1300f7e98de110b4aa6d3847055e01058070682e7365afa61fd23de913"), binding.data());
    }
}
