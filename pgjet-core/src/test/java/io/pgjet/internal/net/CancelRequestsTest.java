package io.pgjet.internal.net;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The connection that carries a cancel request. */
class CancelRequestsTest {
    /**
     * Found by {@code pgjet soak}: a cancel connection reset by the peer (here the fault proxy;
     * also a server or firewall) made Netty log "An exceptionCaught() event was fired, and it
     * reached at the tail of the pipeline" at WARNING, once per reset. The handler now ends the
     * connection quietly; an {@link EmbeddedChannel} rethrows what reaches its tail.
     */
    @Test
    void aResetCancelConnectionIsClosedWithoutTheExceptionReachingThePipelineTail() {
        EmbeddedChannel channel = new EmbeddedChannel(CancelRequests.handler());
        channel.pipeline().fireExceptionCaught(new IOException("recvAddress(..) failed: Connection reset by peer"));
        assertDoesNotThrow(channel::checkException);
        assertFalse(channel.isOpen(), "the cancel connection was left open after its failure");
        channel.finishAndReleaseAll();
    }
}
