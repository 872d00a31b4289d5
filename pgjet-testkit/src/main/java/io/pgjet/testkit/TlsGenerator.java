package io.pgjet.testkit;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Generates a throwaway CA, server certificate and client certificate with BouncyCastle and
 * writes them as PEM files. Keys are ECDSA P-256: quick to generate and accepted by
 * PostgreSQL, libpq, pgjdbc and the JDK. Stateless and thread-safe.
 */
final class TlsGenerator {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SIGNATURE = "SHA256withECDSA";

    private TlsGenerator() {
    }

    /**
     * Writes {@code ca.crt}, {@code server.crt}, {@code server.key}, {@code client.crt},
     * {@code client.key} and {@code client.pk8} into {@code dir} (which must exist). The
     * server key is handed to the server's OS user with mode 0600, as PostgreSQL demands.
     *
     * @param clientUser the database user put in the client certificate's CN
     * @throws PgClusterException when generation or writing fails
     */
    static TlsMaterial generate(Path dir, String clientUser, OsUser osUser) {
        try {
            KeyPair caKey = newKeyPair();
            X500Name caName = name("PgJet test CA " + Long.toHexString(RANDOM.nextLong()));
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder ca = builder(caName, caName, caKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKey.getPublic()));
            X509CertificateHolder caCert = ca.build(new JcaContentSignerBuilder(SIGNATURE).build(caKey.getPrivate()));

            KeyPair serverKey = newKeyPair();
            X509v3CertificateBuilder server = leaf(caName, caKey, name("localhost"), serverKey, ext,
                    KeyPurposeId.id_kp_serverAuth)
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.iPAddress, InetAddress.getByName("::1").getHostAddress()),
                    }));
            X509CertificateHolder serverCert = server.build(new JcaContentSignerBuilder(SIGNATURE).build(caKey.getPrivate()));

            KeyPair clientKey = newKeyPair();
            X509CertificateHolder clientCert = leaf(caName, caKey, name(clientUser), clientKey, ext,
                    KeyPurposeId.id_kp_clientAuth)
                    .build(new JcaContentSignerBuilder(SIGNATURE).build(caKey.getPrivate()));

            TlsMaterial m = new TlsMaterial(dir, clientUser);
            writePem(m.caCertificate(), "CERTIFICATE", caCert.getEncoded(), "rw-r--r--");
            writePem(m.serverCertificate(), "CERTIFICATE", serverCert.getEncoded(), "rw-r--r--");
            writePem(m.serverKey(), "PRIVATE KEY", serverKey.getPrivate().getEncoded(), "rw-------");
            osUser.giveOwnership(m.serverKey());
            writePem(m.clientCertificate(), "CERTIFICATE", clientCert.getEncoded(), "rw-r--r--");
            writePem(m.clientKey(), "PRIVATE KEY", clientKey.getPrivate().getEncoded(), "rw-------");
            Files.write(m.clientKeyPk8(), clientKey.getPrivate().getEncoded());
            Files.setPosixFilePermissions(m.clientKeyPk8(), PosixFilePermissions.fromString("rw-------"));
            return m;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new PgClusterException("Cannot generate TLS material in " + dir + ": " + e, e);
        }
    }

    private static X509v3CertificateBuilder leaf(X500Name issuer, KeyPair issuerKey, X500Name subject, KeyPair key,
            JcaX509ExtensionUtils ext, KeyPurposeId purpose) throws IOException, GeneralSecurityException {
        return builder(issuer, subject, key)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        ext.createAuthorityKeyIdentifier(issuerKey.getPublic()));
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair key) {
        // Backdated an hour so small clock differences never make a fresh certificate "not yet valid".
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(3650))),
                subject, key.getPublic());
    }

    private static X500Name name(String cn) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cn).build();
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static void writePem(Path file, String type, byte[] der, String mode) throws IOException {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n",
                StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    }
}
