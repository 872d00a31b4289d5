package io.pgjet.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgjet.InvalidDsnException;
import io.pgjet.internal.config.ClientEnvironment;
import io.pgjet.internal.config.ConfigResolver;
import io.pgjet.internal.config.PgPassFile;
import io.pgjet.PgHost;
import io.pgjet.protocol.BackendHandler;
import io.pgjet.protocol.BackendMessages;
import io.pgjet.protocol.ProtocolException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Jazzer fuzz targets for what PgJet parses from outside: the backend message decoder and
 * framing (bytes from the server), the DSN parsers (URI and keyword/value) and the password
 * file. Each may throw only its documented exception; anything else — an
 * IndexOutOfBoundsException, a NullPointerException, an OutOfMemoryError — is a finding.
 *
 * <p>In CI (regression mode) each target replays its committed corpus under
 * {@code src/test/resources/io/pgjet/fuzz/ParserFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration} (docs/RELIABILITY.md).
 */
class ParserFuzzTest {
    /** Frames above this are refused by the framing before any allocation. */
    private static final int MAX_MESSAGE = 1 << 20;

    /** A handler that accepts every message and keeps nothing. */
    private static final BackendHandler SINK = (BackendHandler) Proxy.newProxyInstance(
            BackendHandler.class.getClassLoader(), new Class<?>[] {BackendHandler.class},
            (proxy, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE : null);

    private static final ClientEnvironment EMPTY = ClientEnvironment.forHome(Map.of(), "fuzz", null, List.of());

    @FuzzTest(maxDuration = "60s")
    void backendDecoder(byte[] input) {
        ByteBuf in = Unpooled.wrappedBuffer(input);
        try {
            // every complete frame is decoded; a trailing partial frame waits for more bytes
            while (BackendMessages.dispatchNext(in, MAX_MESSAGE, SINK)) {
                // next frame
            }
        } catch (ProtocolException expected) {
            // the documented answer to malformed input
        } finally {
            in.release();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void dsnParser(byte[] input) {
        String dsn = new String(input, StandardCharsets.UTF_8);
        try {
            ConfigResolver.resolve(dsn, EMPTY);
            ConfigResolver.resolve("postgresql://" + dsn, EMPTY);
        } catch (InvalidDsnException expected) {
            // the documented answer to a malformed connection string
        }
    }

    @FuzzTest(maxDuration = "60s")
    void pgpassFile(byte[] input) throws Exception {
        Path file = Files.createTempFile("reliab-pgpass-", ".conf");
        try {
            Files.write(file, input);
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            PgPassFile.lookup(file, new PgHost("localhost", 5432), "db", "user");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
