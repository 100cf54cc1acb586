package org.lodestone.gateway.execution;

import java.io.OutputStream;
import java.util.Arrays;

import io.vertx.core.Context;

/**
 * A growable byte buffer that JSON is written into and then copied out of once, at its exact size; kept per thread
 * and reused, so writing a body allocates that copy and nothing else. {@link #take} one, {@link #release} it when its
 * bytes have been copied out; a thread that takes a second one before releasing the first gets a new one.
 *
 * <p>Only Vert.x event-loop threads keep one (a few per process, and where every request is written): a worker pool
 * has up to hundreds of threads, each of which would otherwise hold a buffer as large as the largest body it wrote.
 */
final class ScratchBytes extends OutputStream {

    /** A buffer grown past this is not kept for the next write (one huge body should not stay in memory). */
    static final int KEPT_LIMIT = 1 << 20;
    private static final int INITIAL_SIZE = 8192;
    private static final ThreadLocal<ScratchBytes> FREE = new ThreadLocal<>();

    private byte[] bytes = new byte[INITIAL_SIZE];
    private int size;

    private ScratchBytes() {
    }

    /** An empty buffer: this thread's kept one when it is free, otherwise a new one. */
    static ScratchBytes take() {
        ScratchBytes scratch = FREE.get();
        if (scratch == null) {
            return new ScratchBytes();
        }
        FREE.set(null);
        scratch.size = 0;
        return scratch;
    }

    /** Gives the buffer back to this thread; its bytes must not be used afterwards. */
    void release() {
        if (bytes.length <= KEPT_LIMIT && Context.isOnEventLoopThread()) {
            FREE.set(this);
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    int size() {
        return size;
    }

    /** The bytes written so far, in the buffer itself (valid up to {@link #size}, until the next write or release). */
    byte[] array() {
        return bytes;
    }

    /** A copy of the bytes written so far. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
