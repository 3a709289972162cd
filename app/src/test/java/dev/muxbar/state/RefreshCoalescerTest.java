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
    void oneChangeRefreshesAfterTheDebounce() {
        c.markDirty();
        clock.advance(15);
        assertEquals(0, flights.size());
        clock.advance(1);
        assertEquals(List.of(16L), startedAt);
    }

    @Test
    void aBurstCoalescesIntoOneRefreshAfterTheLastChange() {
        for (int i = 0; i < 10; i++) {
            c.markDirty();
            clock.advance(5); // changes 5 ms apart: the debounce keeps moving
        }
        assertEquals(0, flights.size());
        clock.advance(16);
        assertEquals(1, flights.size());
        assertEquals(10, c.marks());
        assertEquals(1, c.refreshes());
        assertEquals(61L, startedAt.get(0)); // last change at 45, + 16
    }

    @Test
    void maxWaitBoundsAnEndlessStream() {
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
        clock.advance(16);
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
    void aFailedRefreshStillLands() {
        c.markDirty();
        clock.advance(16);
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
