package io.pgjet.internal.engine;

import io.netty.buffer.ByteBuf;

/**
 * Writes the Bind message of one execution, choosing parameter formats and encodings from the
 * statement's described parameter types. Called on the I/O thread, once the description is known.
 */
public interface BindEncoder {

    /**
     * Writes a complete Bind message of {@code statement} to {@code portal}.
     *
     * @throws RuntimeException (a {@link io.pgjet.PgInterfaceException}) if a value cannot be
     *     encoded; nothing of the message is left in {@code out} then
     */
    void writeBind(ByteBuf out, String portal, PreparedInfo statement);
}
