package io.pgjet.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * SCRAM-SHA-256 client against the RFC 7677 section 3 test vector, PostgreSQL's empty user name,
 * and forged or malformed server messages. Expected values for the empty user name and "y" header
 * were computed independently with Python's hashlib/hmac.
 */
class ScramSha256ClientTest {

    private static final String NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_FIRST =
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void rfc7677TestVectorProducesTheExpectedProofAndAcceptsTheServerSignature() {
        ScramSha256Client client = new ScramSha256Client("pencil", ChannelBinding.none(), NONCE, "user");
        assertEquals("SCRAM-SHA-256", client.mechanism());
        assertEquals("n,,n=user,r=rOprNGfwEbeRWgbNEkqO", text(client.clientFirstMessage()));
        assertEquals("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=", text(client.clientFinalMessage(ascii(SERVER_FIRST))));
        client.verifyServerFinal(ascii("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
    }

    @Test
    void postgresStyleEmptyUserNameChangesTheAuthMessage() {
        ScramSha256Client client = new ScramSha256Client("pencil", ChannelBinding.none(), NONCE, "");
        assertEquals("n,,n=,r=rOprNGfwEbeRWgbNEkqO", text(client.clientFirstMessage()));
        assertEquals("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=qvT2SWdEH5Q06albL+hjSYuUhCG7VndFyzIb7CK4n9k=", text(client.clientFinalMessage(ascii(SERVER_FIRST))));
        client.verifyServerFinal(ascii("v=3HO6Qt1M4MKJrmlKaoOqLAI0/0TV0HZe7J9H3MBtSOg="));
    }

    @Test
    void productionConstructorUsesAnEmptyUserNameAndAFreshNonce() {
        String first = text(new ScramSha256Client("pencil", ChannelBinding.none()).clientFirstMessage());
        String second = text(new ScramSha256Client("pencil", ChannelBinding.none()).clientFirstMessage());
        assertTrue(first.startsWith("n,,n=,r="), first);
        assertTrue(first.length() >= "n,,n=,r=".length() + 24, first);
        assertFalse(first.equals(second));
    }

    @Test
    void supportedButUnusedBindingSendsYHeaderInBothMessages() {
        ScramSha256Client client = new ScramSha256Client("pencil", ChannelBinding.supportedButNotUsed(), NONCE, "");
        assertEquals("SCRAM-SHA-256", client.mechanism());
        assertEquals("y,,n=,r=rOprNGfwEbeRWgbNEkqO", text(client.clientFirstMessage()));
        assertEquals("c=eSws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=VpuC5DGQa5ro9tXE9MnKs69NH1nxnuregZZcclqIGfM=", text(client.clientFinalMessage(ascii(SERVER_FIRST))));
        client.verifyServerFinal(ascii("v=FOmOj9BpTGwvnzwBtWQjBaPmVxT9I8IeHBOhcIPu3us="));
    }

    @Test
    void passwordIsSaslPreparedBeforeHashing() {
        ScramSha256Client client = new ScramSha256Client("I\u00ADX", ChannelBinding.none(), NONCE, "");
        assertEquals("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=2b5mOdeOFNUaOWSdK05u8Z+vtErTpXDPfs6KR0NuxVw=", text(client.clientFinalMessage(ascii(SERVER_FIRST))));
    }

    @Test
    void channelBindingSendsPlusMechanismAndCertificateHashInTheCbindInput() throws Exception {
        ChannelBinding binding = ChannelBinding.tlsServerEndPoint(ChannelBindingTest.certificate("rsa-sha256"));
        ScramSha256Client client = new ScramSha256Client("pencil", binding, NONCE, "");
        assertEquals("SCRAM-SHA-256-PLUS", client.mechanism());
        assertEquals("p=tls-server-end-point,,n=,r=rOprNGfwEbeRWgbNEkqO", text(client.clientFirstMessage()));
        String clientFinal = text(client.clientFinalMessage(ascii(SERVER_FIRST)));
        String cbind = clientFinal.substring(2, clientFinal.indexOf(','));
        byte[] decoded = Base64.getDecoder().decode(cbind);
        byte[] header = ascii("p=tls-server-end-point,,");
        byte[] expected = new byte[header.length + 32];
        System.arraycopy(header, 0, expected, 0, header.length);
        System.arraycopy(binding.data(), 0, expected, header.length, 32);
        assertArrayEquals(expected, decoded);
    }

    @Test
    void wrongServerSignatureIsRejected() {
        ScramSha256Client client = new ScramSha256Client("pencil", ChannelBinding.none(), NONCE, "user");
        client.clientFinalMessage(ascii(SERVER_FIRST));
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> client.verifyServerFinal(ascii("v=7rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")));
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
        assertThrows(AuthenticationException.class, () -> client.verifyServerFinal(ascii("v=AAAA")));
        assertThrows(AuthenticationException.class, () -> client.verifyServerFinal(ascii("v=%%%")));
        assertThrows(AuthenticationException.class, () -> client.verifyServerFinal(ascii("x=abc")));
    }

    @Test
    void serverErrorAttributeIsReportedWithItsText() {
        ScramSha256Client client = new ScramSha256Client("pencil", ChannelBinding.none(), NONCE, "");
        client.clientFinalMessage(ascii(SERVER_FIRST));
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> client.verifyServerFinal(ascii("e=invalid-proof")));
        assertTrue(e.getMessage().contains("invalid-proof"), e.getMessage());
    }

    @Test
    void serverNonceThatDoesNotExtendTheClientNonceIsRejected() {
        assertServerFirstRejected("r=XOprNGfwEbeRWgbNEkqO%hvYD,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
        assertServerFirstRejected("r=rOprNGfwEbeRWgbNEkqO,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
        assertServerFirstRejected("r=rOprNG,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
    }

    @Test
    void unusableIterationCountsAreRejected() {
        assertServerFirstRejected("r=rOprNGfwEbeRWgbNEkqOx,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=0");
        assertServerFirstRejected("r=rOprNGfwEbeRWgbNEkqOx,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=10000001");
        assertServerFirstRejected("r=rOprNGfwEbeRWgbNEkqOx,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=-1");
        assertServerFirstRejected("r=rOprNGfwEbeRWgbNEkqOx,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=99999999999");
        assertServerFirstRejected("r=rOprNGfwEbeRWgbNEkqOx,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=");
    }

    @Test
    void malformedServerFirstMessagesAreRejected() {
        assertServerFirstRejected("r=rOprNGfwEbeRWgbNEkqOx,s=***,i=4096");
        assertServerFirstRejected("r=rOprNGfwEbeRWgbNEkqOx,s=,i=4096");
        assertServerFirstRejected("m=ext,r=rOprNGfwEbeRWgbNEkqOx,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
        assertServerFirstRejected("s=W22ZaJ0SNY7soEsUEjb6gQ==,r=rOprNGfwEbeRWgbNEkqOx,i=4096");
        assertServerFirstRejected("r=rOprNGfwEbeRWgbNEkqOx");
        assertServerFirstRejected("");
        assertServerFirstRejected("e=other-error");
    }

    @Test
    void serverFirstMayCarryTrailingExtensions() {
        ScramSha256Client client = new ScramSha256Client("pencil", ChannelBinding.none(), NONCE, "");
        assertTrue(text(client.clientFinalMessage(ascii(SERVER_FIRST + ",x=ext"))).startsWith("c=biws,"));
    }

    @Test
    void stepsOutOfOrderAreProgrammingErrors() {
        ScramSha256Client client = new ScramSha256Client("pencil", ChannelBinding.none(), NONCE, "user");
        assertThrows(IllegalStateException.class, () -> client.verifyServerFinal(ascii("v=AAAA")));
        client.clientFinalMessage(ascii(SERVER_FIRST));
        assertThrows(IllegalStateException.class, () -> client.clientFinalMessage(ascii(SERVER_FIRST)));
        client.verifyServerFinal(ascii("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
        assertThrows(IllegalStateException.class,
                () -> client.verifyServerFinal(ascii("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")));
    }

    @Test
    void invalidTestNoncesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ScramSha256Client("p", ChannelBinding.none(), "", ""));
        assertThrows(IllegalArgumentException.class, () -> new ScramSha256Client("p", ChannelBinding.none(), "a,b", ""));
    }

    @Test
    void toStringDoesNotRevealThePassword() {
        assertFalse(new ScramSha256Client("hunter2", ChannelBinding.none()).toString().contains("hunter2"));
    }

    @Test
    void emptyPasswordStillComputesAProof() {
        ScramSha256Client client = new ScramSha256Client("", ChannelBinding.none(), NONCE, "");
        assertTrue(text(client.clientFinalMessage(ascii(SERVER_FIRST))).contains(",p="));
    }

    @Test
    void hmacMatchesTheJdkImplementation() throws Exception {
        Random random = new Random(20261128L);
        for (int trial = 0; trial < 200; trial++) {
            byte[] key = new byte[1 + random.nextInt(150)];
            byte[] message = new byte[random.nextInt(201)];
            random.nextBytes(key);
            random.nextBytes(message);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            assertArrayEquals(mac.doFinal(message), Sha256Hmac.mac(key, message), "trial " + trial);
        }
    }

    @Test
    void pbkdf2MatchesTheJdkImplementation() throws Exception {
        Random random = new Random(20261129L);
        for (int trial = 0; trial < 30; trial++) {
            char[] chars = new char[1 + random.nextInt(20)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) (0x20 + random.nextInt(0xD000)); // no surrogates: PBEKeySpec wants whole chars
            }
            byte[] salt = new byte[1 + random.nextInt(32)];
            random.nextBytes(salt);
            int iterations = 1 + random.nextInt(50);
            byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(chars, salt, iterations, 256)).getEncoded();
            assertArrayEquals(expected, Sha256Hmac.pbkdf2(new String(chars).getBytes(StandardCharsets.UTF_8), salt, iterations),
                    "trial " + trial);
        }
    }

    private static void assertServerFirstRejected(String serverFirst) {
        ScramSha256Client client = new ScramSha256Client("pencil", ChannelBinding.none(), NONCE, "");
        assertThrows(AuthenticationException.class, () -> client.clientFinalMessage(ascii(serverFirst)), serverFirst);
    }
}
