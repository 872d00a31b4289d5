package io.pgjet.protocol;

import static io.pgjet.protocol.Bodies.expectEnd;
import static io.pgjet.protocol.Bodies.readCString;
import static io.pgjet.protocol.Bodies.readBytes;
import static io.pgjet.protocol.Bodies.readInt;
import static io.pgjet.protocol.Bodies.readRemaining;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Decodes the Authentication* family (type {@code 'R'}), which shares one type byte. */
final class AuthenticationMessages {

    static final int OK = 0;
    static final int KERBEROS_V5 = 2;
    static final int CLEARTEXT_PASSWORD = 3;
    static final int MD5_PASSWORD = 5;
    static final int SCM_CREDENTIAL = 6;
    static final int GSS = 7;
    static final int GSS_CONTINUE = 8;
    static final int SSPI = 9;
    static final int SASL = 10;
    static final int SASL_CONTINUE = 11;
    static final int SASL_FINAL = 12;

    private static final String MESSAGE = "Authentication";

    private AuthenticationMessages() {
    }

    static void dispatch(ByteBuf body, BackendHandler handler) {
        int code = readInt(body, MESSAGE, "request code");
        switch (code) {
            case OK -> {
                expectEnd(body, "AuthenticationOk");
                handler.authenticationOk();
            }
            case CLEARTEXT_PASSWORD -> {
                expectEnd(body, "AuthenticationCleartextPassword");
                handler.authenticationCleartextPassword();
            }
            case MD5_PASSWORD -> {
                byte[] salt = readBytes(body, 4, "AuthenticationMD5Password", "salt");
                expectEnd(body, "AuthenticationMD5Password");
                handler.authenticationMd5Password(salt);
            }
            case SASL -> handler.authenticationSasl(mechanisms(body));
            case SASL_CONTINUE -> handler.authenticationSaslContinue(readRemaining(body));
            case SASL_FINAL -> handler.authenticationSaslFinal(readRemaining(body));
            case KERBEROS_V5, SCM_CREDENTIAL, GSS, SSPI -> {
                expectEnd(body, MESSAGE + " request " + code);
                handler.authenticationUnsupported(code);
            }
            default -> {
                // GSSContinue and unknown requests carry data we cannot interpret; skip it.
                body.skipBytes(body.readableBytes());
                handler.authenticationUnsupported(code);
            }
        }
    }

    private static List<String> mechanisms(ByteBuf body) {
        List<String> mechanisms = new ArrayList<>(2);
        while (true) {
            String mechanism = readCString(body, "AuthenticationSASL", "mechanism name");
            if (mechanism.isEmpty()) {
                break;
            }
            mechanisms.add(mechanism);
        }
        expectEnd(body, "AuthenticationSASL");
        return Collections.unmodifiableList(mechanisms);
    }
}
