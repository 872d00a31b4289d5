package io.pgjet.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

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

    /** Fixed so a failure can be replayed. */
    private static final long SEED = 20261128L;

    @Test
    void randomBytesYieldOnlyMessagesOrProtocolException() {
        Random random = new Random(SEED);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] bytes = new byte[random.nextInt(201)];
            random.nextBytes(bytes);
            drain(bytes);
        }
    }

    @Test
    void wellFramedRandomBodiesOfKnownTypesYieldOnlyMessagesOrProtocolException() {
        Random random = new Random(SEED + 1);
        for (int trial = 0; trial < 3000; trial++) {
            List<byte[]> frames = framesOfKnownTypes(random);
            int total = frames.stream().mapToInt(f -> f.length).sum();
            ByteBuf all = Unpooled.buffer(total);
            frames.forEach(all::writeBytes);
            byte[] bytes = io.netty.buffer.ByteBufUtil.getBytes(all);
            all.release();
            drain(bytes);
        }
    }

    @Test
    void everyCorruptionOfAValidStreamYieldsOnlyMessagesOrProtocolException() {
        Random random = new Random(SEED + 2);
        for (int trial = 0; trial < 1000; trial++) {
            for (byte[] frame : framesOfKnownTypes(random)) {
                byte[] corrupted = frame.clone();
                // Corrupt one byte of the frame, header included.
                corrupted[random.nextInt(corrupted.length)] ^= (byte) 0x5A;
                drain(corrupted);
            }
        }
    }

    /** Bodies made of small numbers, NULs and 0xff make counts, lengths and terminators plausible. */
    private static final byte[] PLAUSIBLE = {0, 1, 2, 3, 'I', 'a', -1, 10, 12};

    private static List<byte[]> framesOfKnownTypes(Random random) {
        List<byte[]> frames = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int f = 0; f < count; f++) {
            byte[] body = new byte[random.nextInt(65)];
            if (random.nextBoolean()) {
                random.nextBytes(body);
            } else {
                for (int i = 0; i < body.length; i++) {
                    body[i] = PLAUSIBLE[random.nextInt(PLAUSIBLE.length)];
                }
            }
            byte[] frame = new byte[5 + body.length];
            frame[0] = KNOWN_TYPES[random.nextInt(KNOWN_TYPES.length)];
            int length = 4 + body.length;
            frame[1] = (byte) (length >>> 24);
            frame[2] = (byte) (length >>> 16);
            frame[3] = (byte) (length >>> 8);
            frame[4] = (byte) length;
            System.arraycopy(body, 0, frame, 5, body.length);
            frames.add(frame);
        }
        return frames;
    }
}
