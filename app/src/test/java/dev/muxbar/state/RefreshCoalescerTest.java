package dev.muxbar.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RefreshCoalescerTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final List<CompletableFuture<Void>> flights = new ArrayList<>();
    private final List<Long> startedAt = new ArrayList<>();
    private final RefreshCoalescer c = new RefreshCoalescer(clock, clock, 16, 100, () -> {
        CompletableFuture<Void> f = new CompletableFuture<>();
        flights.add(f);
        startedAt.add(clock.now());
        return f;
    });

    private void land() {
        flights.get(flights.size() - 1).complete(null);
        clock.runReady();
    }

    @Test
    void anIsolatedChangeRefreshesAtOnceAndTheNextSoonAfterWaitsTheDebounce() {
        c.markDirty();
        clock.advance(0);
        assertEquals(List.of(0L), startedAt, "after a quiet period: at once");
        land();
        clock.advance(5);
        c.markDirty(); // 5 ms after the last start: not quiet
        clock.advance(15);
        assertEquals(1, flights.size());
        clock.advance(1);
        assertEquals(List.of(0L, 21L), startedAt);
    }

    @Test
    void aBurstCoalescesIntoTheLeadingAndOneTrailingRefresh() {
        for (int i = 0; i < 10; i++) {
            c.markDirty();
            clock.advance(5); // changes 5 ms apart: the debounce keeps moving
        }
        land(); // the leading refresh (started at 0) lands at 50
        clock.advance(100);
        assertEquals(10, c.marks());
        assertEquals(2, c.refreshes(), "leading + one trailing");
        assertEquals(List.of(0L, 61L), startedAt, "trailing: 16 ms after the last change (45)");
    }

    @Test
    void maxWaitBoundsAnEndlessStream() {
        c.markDirty();
        clock.advance(0);
        land(); // past the leading refresh, into the steady stream
        for (int i = 0; i < 100; i++) { // a change every 10 ms for a second
            c.markDirty();
            clock.advance(10);
            if (!flights.isEmpty() && !flights.get(flights.size() - 1).isDone()) {
                land();
            }
        }
        assertTrue(startedAt.get(0) <= 100, "first refresh no later than max wait: " + startedAt);
        for (int i = 1; i < startedAt.size(); i++) {
            assertTrue(startedAt.get(i) - startedAt.get(i - 1) <= 100 + 16, "gap too long: " + startedAt);
        }
        assertTrue(startedAt.size() < 20, "refreshes must stay far fewer than changes: " + startedAt.size());
    }

    @Test
    void atMostOneInFlightAndExactlyOneTrailingRefresh() {
        c.markDirty();
        clock.advance(0);
        assertTrue(c.isInFlight());
        for (int i = 0; i < 50; i++) {
            c.markDirty(); // all during the flight
            clock.advance(1);
        }
        assertEquals(1, flights.size(), "no second refresh while one is in flight");
        land();
        clock.advance(16);
        assertEquals(2, flights.size(), "exactly one trailing refresh");
        land();
        clock.advance(1_000);
        assertEquals(2, flights.size());
        assertFalse(c.isPending());
    }

    @Test
    void theTrailingRefreshDebouncesFromTheChangeNotFromTheLanding() {
        c.markDirty();
        clock.advance(0);
        c.markDirty(); // during the flight, at t=0
        clock.advance(30); // the flight takes long: the change is 30 ms old when it lands
        land();
        clock.advance(0);
        assertEquals(2, flights.size(), "trailing refresh starts at once: its debounce already passed");
        assertEquals(30L, startedAt.get(1));
    }

    @Test
    void urgentMarksSkipTheDebounceButNotAFlight() {
        c.markUrgent();
        clock.advance(0);
        assertEquals(List.of(0L), startedAt);
        c.markUrgent(); // in flight: waits for the landing, then goes at once
        clock.advance(5);
        assertEquals(1, flights.size());
        land();
        clock.advance(0);
        assertEquals(List.of(0L, 5L), startedAt);
    }

    @Test
    void aFailedRefreshStillLands() {
        c.markDirty();
        clock.advance(0);
        flights.get(0).completeExceptionally(new RuntimeException("tmux went away"));
        clock.runReady();
        assertFalse(c.isInFlight());
        c.markDirty();
        clock.advance(16);
        assertEquals(2, flights.size());
    }

    @Test
    void stopCancelsThePendingTimer() {
        c.markDirty();
        c.stop();
        clock.advance(1_000);
        assertEquals(0, flights.size());
        assertEquals(0, clock.pendingTimers());
    }
}
