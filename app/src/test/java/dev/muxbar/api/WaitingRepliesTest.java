package dev.muxbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.state.ManualScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Replies that wait for the loop, on a stepped clock: sent once, or a 503 after the timeout. */
class WaitingRepliesTest {

    private final ManualScheduler timer = new ManualScheduler();
    private final WaitingReplies waits = new WaitingReplies(timer, 200);
    private final List<Reply> sent = new ArrayList<>();

    @Test
    void aReplyIsSentOnceWhenItCompletes() {
        CompletableFuture<Reply> r = new CompletableFuture<>();
        waits.await(r, sent::add);
        assertEquals(List.of(), sent);
        assertEquals(1, waits.size());
        r.complete(Reply.ok("{}"));
        assertEquals(List.of(Reply.ok("{}")), sent);
        assertEquals(0, waits.size());
        timer.advance(400); // past the timeout: the sweep finds nothing more to send
        assertEquals(1, sent.size(), sent.toString());
        assertEquals(0, timer.pendingTimers(), "no sweep while nothing waits");
    }

    @Test
    void aReplyThatNeverCompletesIsA503AfterTheTimeoutAndALateOneIsDropped() {
        CompletableFuture<Reply> r = new CompletableFuture<>();
        waits.await(r, sent::add);
        timer.advance(150);
        assertEquals(List.of(), sent, "not before the timeout");
        timer.advance(100); // 250 ms: the sweep at 250 (every 50) finds it past 200
        assertEquals(1, sent.size(), "a 503 within 1.25 × the timeout: " + sent);
        assertEquals(503, sent.get(0).status());
        r.complete(Reply.ok("{}"));
        assertEquals(1, sent.size(), "the late answer is not sent as well");
        assertEquals(0, waits.size());
    }

    @Test
    void aReplyAddedWhileOthersWaitGetsItsOwnFullTimeout() {
        CompletableFuture<Reply> first = new CompletableFuture<>();
        CompletableFuture<Reply> second = new CompletableFuture<>();
        waits.await(first, sent::add);
        timer.advance(150);
        waits.await(second, sent::add);
        timer.advance(100);
        assertEquals(1, sent.size(), "only the first has waited 200 ms: " + sent);
        timer.advance(150);
        assertEquals(2, sent.size(), "the second, 200–250 ms after it began: " + sent);
        assertTrue(sent.stream().allMatch(x -> x.status() == 503));
    }

    @Test
    void anAnswerKnownAtOnceNeedsNoWaitAndAFailureIsA500() {
        waits.await(CompletableFuture.completedFuture(Reply.error(400, "bad")), sent::add);
        waits.await(CompletableFuture.failedFuture(new IllegalStateException("boom")), sent::add);
        assertEquals(400, sent.get(0).status());
        assertEquals(500, sent.get(1).status());
        assertTrue(sent.get(1).body().contains("boom"), sent.get(1).body());
        assertEquals(0, waits.size());
        assertEquals(0, timer.pendingTimers());
    }
}
