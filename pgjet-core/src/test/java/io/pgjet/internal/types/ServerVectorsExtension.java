package io.pgjet.internal.types;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Opens a {@link ServerVectors} connection before a test class's first test and closes it after
 * its last. Register it in a static field with {@code @RegisterExtension}; each class gets its own.
 */
final class ServerVectorsExtension implements BeforeAllCallback, AfterAllCallback {
    private ServerVectors vectors;

    @Override
    public void beforeAll(ExtensionContext context) {
        vectors = new ServerVectors();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (vectors != null) {
            vectors.close();
            vectors = null;
        }
    }

    /** Returns the open connection; only between the class's first and last test. */
    ServerVectors get() {
        if (vectors == null) {
            throw new IllegalStateException("the server connection is open only while the class's tests run");
        }
        return vectors;
    }
}
