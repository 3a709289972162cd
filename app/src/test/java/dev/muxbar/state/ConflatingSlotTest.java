package dev.muxbar.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConflatingSlotTest {

    @Test
    void aSlowSubscriberGetsTheLatestAndSkipsTheRest() {
        ManualScheduler exec = new ManualScheduler();
        List<Integer> got = new ArrayList<>();
        ConflatingSlot<Integer> slot = new ConflatingSlot<>(exec, got::add);
        for (int i = 1; i <= 100; i++) {
            slot.offer(i); // the subscriber's executor has not run yet: it is "slow"
        }
        exec.runReady();
        assertEquals(List.of(100), got);
        assertEquals(99, slot.skipped());
        slot.offer(101);
        exec.runReady();
        assertEquals(List.of(100, 101), got);
    }

    @Test
    void offerNeverBlocksOnABlockedSubscriberAndTheLastValueArrives() throws Exception {
        ExecutorService exec = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        ConflatingSlot<Integer> slot = new ConflatingSlot<>(exec, v -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            got.add(v);
        });
        long t0 = System.nanoTime();
        for (int i = 1; i <= 10_000; i++) {
            slot.offer(i);
        }
        long offerMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(offerMillis < 2_000, "offers must not wait for the subscriber: " + offerMillis + " ms");
        release.countDown();
        exec.shutdown();
        assertTrue(exec.awaitTermination(5, TimeUnit.SECONDS));
        assertEquals(10_000, got.get(got.size() - 1));
        assertTrue(got.size() <= 3, "intermediate values are skipped, got " + got.size());
    }
}
