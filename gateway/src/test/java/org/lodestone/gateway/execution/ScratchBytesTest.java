package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The per-thread buffer JSON bodies are written into: reused once released, never by two writers at once. */
class ScratchBytesTest {

    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Runs the check on a Vert.x event-loop thread, where buffers are kept. */
    private static void onEventLoop(Runnable check) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        vertx.runOnContext(ignored -> {
            try {
                check.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        done.get(10, TimeUnit.SECONDS);
    }

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
    void aReleasedBufferIsReusedEmptyAndATakenOneIsNeverHandedOutTwice() throws Exception {
        onEventLoop(() -> {
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
        });
    }

    @Test
    void aBufferGrownPastTheLimitIsNotKept() throws Exception {
        onEventLoop(() -> {
            ScratchBytes huge = ScratchBytes.take();
            huge.write(new byte[ScratchBytes.KEPT_LIMIT + 1], 0, ScratchBytes.KEPT_LIMIT + 1);
            huge.release();
            ScratchBytes next = ScratchBytes.take();
            assertNotSame(huge, next);
            next.release();
        });
    }

    @Test
    void aThreadOutsideTheEventLoopsKeepsNone() {
        ScratchBytes first = ScratchBytes.take();
        first.release();
        ScratchBytes next = ScratchBytes.take();
        assertNotSame(first, next, "a worker or test thread holds no buffer between writes");
        next.release();
    }
}
