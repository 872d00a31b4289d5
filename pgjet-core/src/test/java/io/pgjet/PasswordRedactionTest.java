package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Passwords never show up in toString or in any exception message. */
class PasswordRedactionTest {

    private static String error(String dsn, Map<String, String> env) {
        return assertThrows(InvalidDsnException.class, () -> ConnectionConfig.parse(dsn, env, null)).getMessage();
    }

    private static String error(String dsn) {
        return error(dsn, Map.of());
    }

    @Test
    void toStringRedactsPasswordAndKeyPassword() {
        ConnectionConfig c = ConnectionConfig.parse("postgresql://u:hunter2@h/db?sslpassword=keysecret", Map.of(), null);
        String text = c.toString();
        assertFalse(text.contains("hunter2"), text);
        assertFalse(text.contains("keysecret"), text);
        assertTrue(text.contains("password=<redacted>"), text);
        assertTrue(text.contains("sslPassword=<redacted>"), text);
        assertTrue(text.contains("hosts=[h:5432]"), text);
    }

    @Test
    void toStringWithoutPasswordSaysNothingAboutIt() {
        assertFalse(ConnectionConfig.builder().build().toString().contains("password"));
    }

    @Test
    void badPortContainingThePasswordIsNotQuoted() {
        String message = error("postgresql://u:4x2@h:54x2/db");
        assertTrue(message.startsWith("invalid port in connection string"), message);
        assertFalse(message.contains("4x2"), message);
    }

    @Test
    void badValueThatIsPartOfThePasswordIsNotQuoted() {
        String message = error("port=54x2 password=54x2abc");
        assertTrue(message.startsWith("invalid port"), message);
        assertFalse(message.contains("54x2"), message);
    }

    @Test
    void badEnumValueEqualToThePasswordIsNotQuoted() {
        String message = error("sslmode=hunter2 password=hunter2");
        assertTrue(message.startsWith("invalid sslmode value in connection string"), message);
        assertFalse(message.contains("hunter2"), message);
    }

    @Test
    void environmentPasswordIsProtectedToo() {
        String message = error("", Map.of("PGPASSWORD", "s3cr3t", "PGPORT", "s3cr3t"));
        assertTrue(message.contains("environment variable PGPORT"), message);
        assertFalse(message.contains("s3cr3t"), message);
        String keyPassword = error("sslpassword=kp9 connect_timeout=kp9");
        assertFalse(keyPassword.contains("kp9"), keyPassword);
    }

    @Test
    void unquotedPasswordWithSpacesIsNotEchoed() {
        String missingEquals = error("password=my secret host=x");
        assertFalse(missingEquals.contains("secret"), missingEquals);
        String strayKeyword = error("password=my zq9x=ret host=x");
        assertFalse(strayKeyword.contains("zq9x"), strayKeyword);
        assertTrue(strayKeyword.startsWith("unknown connection option"), strayKeyword);
    }

    @Test
    void malformedUriNeverEchoesThePassword() {
        assertFalse(error("postgresql://u:hunter%zz2@h/db").contains("hunter"));
        assertFalse(error("postgresql://u:hunter2@[::1/db").contains("hunter2"));
        assertFalse(error("jdbc:postgresql://h/db?password=hunter2").contains("hunter2"));
        assertFalse(error("hunter2").contains("hunter2"));
    }

    @Test
    void contradictionErrorsDoNotEchoPassword() {
        String message = error("sslrootcert=system sslmode=require password=require");
        assertFalse(message.contains("\"require\""), message);
    }
}
