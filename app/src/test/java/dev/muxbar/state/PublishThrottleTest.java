package dev.muxbar.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishThrottleTest {

    private final ManualScheduler clock = new ManualScheduler();
    /** The "newest model" the throttle's delivery reads: here, the time of the latest change. */
    private long newest;

    private final List<Long> delivered = new ArrayList<>();
    private final PublishThrottle throttle = new PublishThrottle(clock, 16, () -> delivered.add(newest));

    private void change() {
        newest = clock.now();
        throttle.changed();
    }

    @Test
    void aChangeAfterAQuietFrameIsDeliveredAtOnce() {
        change();
        assertEquals(List.of(0L), delivered, "no timer, no wait");
        assertEquals(0, clock.pendingTimers());
        clock.advance(40);
        change();
        assertEquals(List.of(0L, 40L), delivered);
    }

    @Test
    void changesWithinAFrameAreDeliveredOnceAtItsEndWithTheNewest() {
        change(); // t=0, delivered
        clock.advance(3);
        change();
        clock.advance(5);
        change();
        clock.advance(4);
        change(); // t=12
        assertEquals(List.of(0L), delivered, "nothing before the frame ends");
        assertEquals(1, clock.pendingTimers(), "one timer for the whole burst");
        clock.advance(4); // t=16
        assertEquals(List.of(0L, 12L), delivered, "one delivery, the newest model");
        clock.advance(100);
        assertEquals(2, delivered.size(), "nothing more without a change");
    }

    @Test
    void aSteadyStreamIsDeliveredOncePerFrameAndNeverFallsBehind() {
        for (int t = 0; t < 1_000; t += 5) { // 200 changes a second for one second
            change();
            clock.advance(5);
        }
        clock.advance(16);
        assertTrue(delivered.size() <= 1_000 / 16 + 2, "at most one per frame: " + delivered.size());
        assertTrue(delivered.size() >= 1_000 / 16 - 2, "but every frame: " + delivered.size());
        assertEquals(995L, delivered.get(delivered.size() - 1), "the last change is delivered");
        assertEquals(delivered.size(), throttle.deliveries());
    }

    @Test
    void stopCancelsTheDeliveryInWaiting() {
        change();
        clock.advance(1);
        change();
        throttle.stop();
        clock.advance(100);
        change();
        assertEquals(List.of(0L), delivered);
        assertEquals(0, clock.pendingTimers());
    }
}
