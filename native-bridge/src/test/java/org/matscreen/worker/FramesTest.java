package org.matscreen.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The frame format the Python GPAW worker and the LAMMPS worker JVM share: tag, u32 big-endian length, payload. */
class FramesTest {

    @Test
    void framesAreTagLengthPayloadAsTheGpawWorkerWritesThem() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        Frames out = new Frames(InputStream.nullInputStream(), wire);
        out.startPayload().write("{}".getBytes(StandardCharsets.UTF_8));
        out.send(Frames.COMPUTE);
        out.send(Frames.PING); // nothing written since the last send: an empty payload
        assertArrayEquals(new byte[] {1, 0, 0, 0, 2, '{', '}', 2, 0, 0, 0, 0}, wire.toByteArray());
    }

    @Test
    void payloadsOfEverySizeRoundTripThroughTheReusedBuffers() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        Frames out = new Frames(InputStream.nullInputStream(), wire);
        byte[] big = new byte[100_000];
        Arrays.fill(big, (byte) 7);
        for (byte[] payload : new byte[][] {{1, 2, 3}, big, {}, {9}}) {
            out.startPayload().write(payload);
            out.send(Frames.RESULT);
        }
        Frames in = new Frames(new ByteArrayInputStream(wire.toByteArray()), OutputStream.nullOutputStream());
        for (byte[] payload : new byte[][] {{1, 2, 3}, big, {}, {9}}) {
            assertEquals(Frames.RESULT, in.receive());
            assertArrayEquals(payload, in.received().readAllBytes());
        }
        assertThrows(EOFException.class, in::receive);
    }

    @Test
    void aLengthNoWorkerSendsIsRefusedNotAllocated() {
        byte[] garbage = {11, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xf0};
        Frames in = new Frames(new ByteArrayInputStream(garbage), OutputStream.nullOutputStream());
        IOException e = assertThrows(IOException.class, in::receive);
        assertEquals("corrupt frame: tag 11, payload length 4294967280", e.getMessage());
    }

    @Test
    void aFrameCutShortIsAnEndOfStream() {
        byte[] cut = {11, 0, 0, 0, 5, 'a', 'b'};
        Frames in = new Frames(new ByteArrayInputStream(cut), OutputStream.nullOutputStream());
        assertThrows(EOFException.class, in::receive);
    }
}
