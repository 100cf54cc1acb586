package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The per-thread buffer JSON bodies are written into: reused once released, never by two writers at once. */
class ScratchBytesTest {

    @Test
    void growsAndCopiesOutExactlyWhatWasWritten() {
        ScratchBytes bytes = ScratchBytes.take();
        byte[] expected = new byte[20_000];
        Arrays.fill(expected, (byte) 'x');
        expected[0] = '{';
        bytes.write('{');
        bytes.write(expected, 1, expected.length - 1);
        assertEquals(expected.length, bytes.size());
        assertArrayEquals(expected, bytes.toByteArray());
        bytes.release();
    }

    @Test
    void aReleasedBufferIsReusedEmptyAndATakenOneIsNeverHandedOutTwice() {
        ScratchBytes first = ScratchBytes.take();
        first.write('a');
        ScratchBytes second = ScratchBytes.take();
        assertNotSame(first, second, "a second writer on the thread gets its own buffer");
        second.release();
        first.release();
        ScratchBytes again = ScratchBytes.take();
        assertSame(first, again);
        assertEquals(0, again.size());
        assertArrayEquals(new byte[0], again.toByteArray());
        again.release();
    }

    @Test
    void aBufferGrownPastTheLimitIsNotKept() {
        ScratchBytes huge = ScratchBytes.take();
        huge.write(new byte[ScratchBytes.KEPT_LIMIT + 1], 0, ScratchBytes.KEPT_LIMIT + 1);
        huge.release();
        ScratchBytes next = ScratchBytes.take();
        assertNotSame(huge, next);
        next.release();
    }
}
