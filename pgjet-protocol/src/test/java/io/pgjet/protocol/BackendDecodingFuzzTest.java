package io.pgjet.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Fuzzes framing and decoding: arbitrary server bytes yield messages or ProtocolException, nothing else. */
class BackendDecodingFuzzTest {

    private static final byte[] KNOWN_TYPES = "DC21ZTtns3IENASKRGHWdcvV".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Feeds bytes through framing and dispatch until input runs out or a ProtocolException stops it. */
    private static void drain(byte[] bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            while (BackendMessages.dispatchNext(in, 1 << 16, new RecordingHandler())) {
                // keep going
            }
        } catch (ProtocolException expected) {
            // the only acceptable failure
        } finally {
            in.release();
        }
    }

    @Property(tries = 2000)
    void randomBytesYieldOnlyMessagesOrProtocolException(@ForAll @Size(max = 200) byte[] bytes) {
        drain(bytes);
    }

    @Property(tries = 3000)
    void wellFramedRandomBodiesOfKnownTypesYieldOnlyMessagesOrProtocolException(
            @ForAll("framesOfKnownTypes") List<byte[]> frames) {
        int total = frames.stream().mapToInt(f -> f.length).sum();
        ByteBuf all = Unpooled.buffer(total);
        frames.forEach(all::writeBytes);
        byte[] bytes = io.netty.buffer.ByteBufUtil.getBytes(all);
        all.release();
        drain(bytes);
    }

    @Property(tries = 1000)
    void everyTruncationOfAValidStreamYieldsOnlyMessagesOrProtocolException(
            @ForAll("framesOfKnownTypes") List<byte[]> frames, @ForAll byte cut) {
        for (byte[] frame : frames) {
            byte[] truncated = frame.clone();
            // Corrupt one byte of the frame, header included.
            truncated[Math.floorMod(cut, truncated.length)] ^= (byte) 0x5A;
            drain(truncated);
        }
    }

    @Provide
    Arbitrary<List<byte[]>> framesOfKnownTypes() {
        Arbitrary<Byte> type = Arbitraries.of(toList(KNOWN_TYPES));
        Arbitrary<byte[]> body = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
                // Bodies made of small numbers, NULs and 0xff make counts, lengths and terminators plausible.
                Arbitraries.of((byte) 0, (byte) 1, (byte) 2, (byte) 3, (byte) 'I', (byte) 'a', (byte) -1, (byte) 10,
                        (byte) 12).array(byte[].class).ofMaxSize(64));
        return Combinators.combine(type, body).as((t, b) -> {
            byte[] frame = new byte[5 + b.length];
            frame[0] = t;
            int length = 4 + b.length;
            frame[1] = (byte) (length >>> 24);
            frame[2] = (byte) (length >>> 16);
            frame[3] = (byte) (length >>> 8);
            frame[4] = (byte) length;
            System.arraycopy(b, 0, frame, 5, b.length);
            return frame;
        }).list().ofMinSize(1).ofMaxSize(4);
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> list = new ArrayList<>();
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }
}
