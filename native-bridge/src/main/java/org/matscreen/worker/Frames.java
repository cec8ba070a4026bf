package org.matscreen.worker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One end of the frame stream every matscreen worker speaks, whatever its code and language (the LAMMPS worker JVM,
 * the Python GPAW worker): each message in either direction is {@code [tag: 1 byte][length: 4 bytes, big-endian
 * unsigned][payload: length bytes]}; what a payload holds is the code's business ({@link WorkerProtocol}). A worker
 * greets with {@link #STARTED} carrying {@link #MAGIC} and {@link #PROTOCOL}, so a parent never talks to a process that
 * is not a matscreen worker of the same protocol.
 *
 * <p>Used by one thread at a time. Payload buffers are kept and reused, so a stream of small calculations allocates
 * nothing per frame beyond what the codec itself does.
 */
public final class Frames {
    public static final String MAGIC = "MSCR";
    public static final int PROTOCOL = 2;

    public static final byte COMPUTE = 1;
    public static final byte PING = 2;
    public static final byte SHUTDOWN = 3;
    public static final byte STARTED = 10;
    public static final byte RESULT = 11;
    public static final byte PONG = 12;
    public static final byte ERROR = 13;

    /** Larger lengths are taken for a corrupt stream rather than allocated (a 10,000-atom outcome is about 1 MB). */
    static final int MAX_PAYLOAD_BYTES = 64 << 20;

    private final DataInputStream in;
    private final DataOutputStream out;
    private final ByteArrayOutputStream outgoing = new ByteArrayOutputStream(1 << 12);
    private byte[] incoming = new byte[1 << 12];
    private int incomingLength;

    public Frames(InputStream in, OutputStream out) {
        this.in = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        this.out = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
    }

    /** The emptied buffer that the payload of the next {@link #send} is written into. */
    public OutputStream startPayload() {
        outgoing.reset();
        return outgoing;
    }

    /**
     * Sends one frame with what was written to {@link #startPayload()} since (nothing: an empty payload) and flushes
     * it.
     */
    public void send(byte tag) throws IOException {
        out.writeByte(tag);
        out.writeInt(outgoing.size());
        outgoing.writeTo(out);
        out.flush();
        outgoing.reset();
    }

    /**
     * Waits for the next frame and returns its tag; its payload is then {@link #received()}. Throws
     * {@link java.io.EOFException} when the stream ends, and an {@link IOException} for a length no worker sends.
     */
    public byte receive() throws IOException {
        byte tag = in.readByte();
        int length = in.readInt();
        if (length < 0 || length > MAX_PAYLOAD_BYTES) {
            throw new IOException("corrupt frame: tag " + tag + ", payload length " + Integer.toUnsignedString(length));
        }
        if (length > incoming.length) {
            incoming = new byte[Math.max(length, 2 * incoming.length)];
        }
        in.readFully(incoming, 0, length);
        incomingLength = length;
        return tag;
    }

    /** The payload of the frame last received; valid until the next {@link #receive()}. */
    public InputStream received() {
        return new ByteArrayInputStream(incoming, 0, incomingLength);
    }
}
