package io.pgjet.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Command tags decode exactly, and a tag seen again reuses its String. */
class CommandTagsTest {

    private static String read(String tag) {
        byte[] bytes = tag.getBytes(StandardCharsets.UTF_8);
        ByteBuf body = Unpooled.buffer().writeBytes(new byte[] {9, 9}).writeBytes(bytes); // at an offset
        return CommandTags.read(body, 2, bytes.length);
    }

    @Test
    void aRepeatedTagIsTheSameString() {
        String first = read("SELECT 1");
        assertEquals("SELECT 1", first);
        assertSame(first, read("SELECT 1"));
    }

    @Test
    void differentTagsNeverShareAString() {
        // Many tags, so some share a slot: each read must still give its own text.
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 2000; i++) {
                assertEquals("INSERT 0 " + i, read("INSERT 0 " + i));
                assertEquals("UPDATE " + i, read("UPDATE " + i));
            }
        }
    }

    @Test
    void nonAsciiLongAndEmptyTagsDecodeAsUtf8() {
        assertEquals("", read(""));
        assertEquals("ÉTIQUETTE 3", read("ÉTIQUETTE 3"));
        String longTag = "SELECT " + "9".repeat(CommandTags.MAX_CACHED_LENGTH);
        assertEquals(longTag, read(longTag));
    }

    @Test
    void commandCompleteDispatchUsesTheTag() {
        ByteBuf body = Unpooled.buffer().writeBytes("DELETE 42".getBytes(StandardCharsets.US_ASCII)).writeByte(0);
        RecordingHandler handler = new RecordingHandler();
        BackendMessages.dispatch(BackendMessageType.COMMAND_COMPLETE, body, handler);
        assertEquals("commandComplete DELETE 42", handler.single());
    }
}
