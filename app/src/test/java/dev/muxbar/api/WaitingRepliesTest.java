package dev.muxbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaitingRepliesTest {

    private final ScheduledExecutorScheduler timer = new ScheduledExecutorScheduler("test-timer", true);
    private final WaitingReplies waits;
    private final List<Reply> sent = new CopyOnWriteArrayList<>();

    WaitingRepliesTest() throws Exception {
        timer.start();
        waits = new WaitingReplies(timer, 200);
    }

    @AfterEach
    void stop() throws Exception {
        timer.stop();
    }

    @Test
    void aReplyIsSentOnceWhenItCompletes() throws Exception {
        CompletableFuture<Reply> r = new CompletableFuture<>();
        waits.await(r, sent::add);
        assertEquals(List.of(), sent);
        assertEquals(1, waits.size());
        r.complete(Reply.ok("{}"));
        assertEquals(List.of(Reply.ok("{}")), sent);
        assertEquals(0, waits.size());
        Thread.sleep(400); // past the timeout: the sweep finds nothing more to send
        assertEquals(1, sent.size(), sent.toString());
    }

    @Test
    void aReplyThatNeverCompletesIsA503AfterTheTimeoutAndALateOneIsDropped() throws Exception {
        CompletableFuture<Reply> r = new CompletableFuture<>();
        long t0 = System.nanoTime();
        waits.await(r, sent::add);
        long deadline = t0 + 5_000_000_000L;
        while (sent.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(1, sent.size(), "a 503 within 5 s: " + sent);
        assertEquals(503, sent.get(0).status());
        assertTrue(tookMs >= 200 && tookMs < 1_000, "after the timeout, not long after: " + tookMs + " ms");
        r.complete(Reply.ok("{}"));
        assertEquals(1, sent.size(), "the late answer is not sent as well");
        assertEquals(0, waits.size());
    }

    @Test
    void anAnswerKnownAtOnceNeedsNoWaitAndAFailureIsA500() {
        waits.await(CompletableFuture.completedFuture(Reply.error(400, "bad")), sent::add);
        waits.await(CompletableFuture.failedFuture(new IllegalStateException("boom")), sent::add);
        assertEquals(400, sent.get(0).status());
        assertEquals(500, sent.get(1).status());
        assertTrue(sent.get(1).body().contains("boom"), sent.get(1).body());
        assertEquals(0, waits.size());
    }
}
