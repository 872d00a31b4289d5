package io.pgjet.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Runs the client side of one SCRAM-SHA-256 or SCRAM-SHA-256-PLUS exchange (RFC 5802, RFC 7677)
 * as PostgreSQL speaks it: the password is prepared with {@link SaslPrep#prepareOrRaw}, and the
 * user name in the client-first-message is left empty because the server uses the one from the
 * startup message.
 *
 * <p>Call {@link #clientFirstMessage()}, then {@link #clientFinalMessage} with the server's
 * AuthenticationSASLContinue data, then {@link #verifyServerFinal} with the AuthenticationSASLFinal
 * data. One instance per exchange; not thread-safe. The password is never logged or included in
 * exception texts, and intermediate key material is cleared once the client-final message is
 * built.
 */
public final class ScramSha256Client {

    /** The SCRAM-SHA-256 mechanism name, without channel binding. */
    public static final String MECHANISM = "SCRAM-SHA-256";

    /** The SCRAM-SHA-256-PLUS mechanism name, with channel binding. */
    public static final String MECHANISM_PLUS = "SCRAM-SHA-256-PLUS";

    /**
     * Default largest iteration count accepted from a server, bounding the work (PBKDF2 rounds,
     * about 1 ms per 1,000 here) a malicious or impersonated server can make the client do before
     * it proves anything (PostgreSQL's default is 4096; pgjdbc caps at the same 100,000).
     */
    public static final int DEFAULT_MAX_ITERATIONS = 100_000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 18;

    private enum State { INITIAL, FINAL_SENT, DONE }

    private final byte[] password;
    private final ChannelBinding binding;
    private final String clientNonce;
    private final String clientFirstBare;
    private final int maxIterations;
    private byte[] expectedServerSignature;
    private State state = State.INITIAL;

    /**
     * Creates a client with a random nonce.
     *
     * @param password the user's password (prepared with SASLprep, or used raw if it fails)
     * @param binding the channel binding to use; see {@link ChannelBinding#adaptTo}
     */
    public ScramSha256Client(String password, ChannelBinding binding) {
        this(password, binding, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * Creates a client with a random nonce and its own iteration cap.
     *
     * @param password the user's password (prepared with SASLprep, or used raw if it fails)
     * @param binding the channel binding to use; see {@link ChannelBinding#adaptTo}
     * @param maxIterations the largest iteration count accepted from the server, at least 4096
     * @throws IllegalArgumentException if {@code maxIterations} is below 4096
     */
    public ScramSha256Client(String password, ChannelBinding binding, int maxIterations) {
        this(password, binding, randomNonce(), "", maxIterations);
    }

    /**
     * Creates a client with a fixed nonce, for tests and test vectors only: a fixed nonce in
     * production defeats SCRAM's replay protection.
     *
     * @param password the user's password
     * @param binding the channel binding to use
     * @param clientNonce the client nonce: printable ASCII without commas
     * @param username the user name to send ({@code ""} as PostgreSQL clients do); {@code =} and
     *     {@code ,} are escaped
     * @throws IllegalArgumentException if the nonce is empty or not printable ASCII without commas
     */
    public ScramSha256Client(String password, ChannelBinding binding, String clientNonce, String username) {
        this(password, binding, clientNonce, username, DEFAULT_MAX_ITERATIONS);
    }

    private ScramSha256Client(String password, ChannelBinding binding, String clientNonce, String username,
            int maxIterations) {
        if (maxIterations < 4096) {
            throw new IllegalArgumentException("the SCRAM iteration cap must be at least 4096 (PostgreSQL's default), got "
                    + maxIterations);
        }
        this.maxIterations = maxIterations;
        checkNonce(clientNonce);
        this.password = SaslPrep.prepareOrRaw(password).getBytes(StandardCharsets.UTF_8);
        this.binding = java.util.Objects.requireNonNull(binding, "binding");
        this.clientNonce = clientNonce;
        this.clientFirstBare = "n=" + username.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
    }

    /**
     * Returns the mechanism to name in SASLInitialResponse.
     *
     * @return {@link #MECHANISM_PLUS} if channel binding data is used, else {@link #MECHANISM}
     */
    public String mechanism() {
        return binding.isUsed() ? MECHANISM_PLUS : MECHANISM;
    }

    /**
     * Builds the client-first-message: the GS2 header followed by {@code n=,r=<client nonce>}.
     *
     * @return the message bytes, a fresh array
     */
    public byte[] clientFirstMessage() {
        return (binding.gs2Header() + clientFirstBare).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks the server-first-message and builds the client-final-message with the client proof.
     *
     * @param serverFirstMessage the data of AuthenticationSASLContinue; not retained
     * @return the client-final-message bytes, a fresh array
     * @throws AuthenticationException if the message is malformed, requests an extension, its
     *     nonce does not extend the client nonce, its salt is not base64, or its iteration count is
     *     outside 1 to the cap (default {@link #DEFAULT_MAX_ITERATIONS}); the cap is checked before
     *     any key derivation
     * @throws IllegalStateException if called twice
     */
    public byte[] clientFinalMessage(byte[] serverFirstMessage) {
        if (state != State.INITIAL) {
            throw new IllegalStateException("clientFinalMessage was already called");
        }
        String serverFirst = new String(serverFirstMessage, StandardCharsets.UTF_8);
        if (serverFirst.startsWith("e=")) {
            throw new AuthenticationException("SCRAM authentication failed: server error " + serverFirst.substring(2));
        }
        if (serverFirst.startsWith("m=")) {
            throw new AuthenticationException("SCRAM server requires an unsupported mandatory extension");
        }
        String[] attributes = serverFirst.split(",", -1);
        if (attributes.length < 3) {
            throw new AuthenticationException("malformed SCRAM server-first-message: expected r=, s= and i=");
        }
        String serverNonce = attribute(attributes[0], 'r');
        byte[] salt = decodeBase64(attribute(attributes[1], 's'), "salt");
        int iterations = iterations(attribute(attributes[2], 'i'));
        if (!serverNonce.startsWith(clientNonce) || serverNonce.length() == clientNonce.length()) {
            throw new AuthenticationException("SCRAM server nonce does not extend the client nonce");
        }
        checkPrintable(serverNonce);
        if (salt.length == 0) {
            throw new AuthenticationException("SCRAM server sent an empty salt");
        }

        byte[] gs2AndBinding = concat(binding.gs2Header().getBytes(StandardCharsets.UTF_8), binding.rawData());
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(gs2AndBinding) + ",r=" + serverNonce;
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);

        byte[] saltedPassword = Sha256Hmac.pbkdf2(password, salt, iterations);
        Arrays.fill(password, (byte) 0);
        Sha256Hmac saltedKey = new Sha256Hmac(saltedPassword);
        byte[] clientKey = saltedKey.mac(bytes("Client Key"));
        byte[] storedKey = Sha256Hmac.sha256().digest(clientKey);
        byte[] proof = Sha256Hmac.mac(storedKey, authMessage);
        for (int i = 0; i < proof.length; i++) {
            proof[i] ^= clientKey[i];
        }
        byte[] serverKey = saltedKey.mac(bytes("Server Key"));
        expectedServerSignature = Sha256Hmac.mac(serverKey, authMessage);
        Arrays.fill(saltedPassword, (byte) 0);
        Arrays.fill(clientKey, (byte) 0);
        Arrays.fill(storedKey, (byte) 0);
        Arrays.fill(serverKey, (byte) 0);

        state = State.FINAL_SENT;
        return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks the server-final-message, proving the server knows the password (or its verifier).
     * The signature is compared in constant time.
     *
     * @param serverFinalMessage the data of AuthenticationSASLFinal; not retained
     * @throws AuthenticationException if the server reported an error ({@code e=}, whose text is
     *     included) or its signature is malformed or wrong
     * @throws IllegalStateException if {@link #clientFinalMessage} has not been called, or the
     *     exchange is already verified
     */
    public void verifyServerFinal(byte[] serverFinalMessage) {
        if (state != State.FINAL_SENT) {
            throw new IllegalStateException(state == State.DONE ? "server-final-message already verified"
                    : "clientFinalMessage has not been called");
        }
        String serverFinal = new String(serverFinalMessage, StandardCharsets.UTF_8);
        if (serverFinal.startsWith("e=")) {
            int end = serverFinal.indexOf(',');
            throw new AuthenticationException("SCRAM authentication failed: server error "
                    + (end < 0 ? serverFinal.substring(2) : serverFinal.substring(2, end)));
        }
        int end = serverFinal.indexOf(',');
        String verifier = attribute(end < 0 ? serverFinal : serverFinal.substring(0, end), 'v');
        byte[] signature = decodeBase64(verifier, "server signature");
        if (!MessageDigest.isEqual(signature, expectedServerSignature)) {
            throw new AuthenticationException("SCRAM server signature is wrong: the server did not prove it knows "
                    + "the password");
        }
        state = State.DONE;
    }

    private static String attribute(String attribute, char name) {
        if (attribute.length() < 2 || attribute.charAt(0) != name || attribute.charAt(1) != '=') {
            throw new AuthenticationException("malformed SCRAM message: expected attribute " + name + "=");
        }
        return attribute.substring(2);
    }

    private int iterations(String value) {
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new AuthenticationException("malformed SCRAM iteration count");
        }
        long count = Long.parseLong(value);
        if (count < 1) {
            throw new AuthenticationException("SCRAM iteration count " + count + " is not positive");
        }
        if (count > maxIterations) {
            throw new AuthenticationException("the server asked for " + count + " SCRAM iterations, more than the "
                    + maxIterations + " allowed (scram_max_iterations); refused before any work was done");
        }
        return (int) count;
    }

    private static byte[] decodeBase64(String value, String what) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException("malformed SCRAM " + what + ": not base64");
        }
    }

    private static void checkNonce(String nonce) {
        if (nonce.isEmpty()) {
            throw new IllegalArgumentException("client nonce must not be empty");
        }
        for (int i = 0; i < nonce.length(); i++) {
            char c = nonce.charAt(i);
            if (c < 0x21 || c > 0x7E || c == ',') {
                throw new IllegalArgumentException("client nonce must be printable ASCII without commas");
            }
        }
    }

    private static void checkPrintable(String nonce) {
        for (int i = 0; i < nonce.length(); i++) {
            char c = nonce.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new AuthenticationException("SCRAM server nonce contains non-printable characters");
            }
        }
    }

    private static String randomNonce() {
        byte[] random = new byte[NONCE_BYTES];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    /** Shows the mechanism and state, never the password or keys. */
    @Override
    public String toString() {
        return "ScramSha256Client[" + mechanism() + ", " + state + "]";
    }
}
