package dev.muxbar.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.model.Scheduler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventLoopTest {

    @Test
    void aFailingTaskIsReportedAndTheLoopGoesOn() throws Exception {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        try (EventLoop loop = new EventLoop(errors::add)) {
            loop.execute(() -> {
                throw new IllegalStateException("boom");
            });
            loop.execute(() -> {
                threads.add(Thread.currentThread().getName());
                done.countDown();
            });
            loop.schedule(20, () -> {
                threads.add(Thread.currentThread().getName());
                done.countDown();
            });
            assertTrue(done.await(5, TimeUnit.SECONDS));
        }
        assertEquals(1, errors.size());
        assertEquals("boom", errors.get(0).getMessage());
        assertEquals(List.of("muxbar-loop", "muxbar-loop"), threads, "one thread runs tasks and timers");
    }

    @Test
    void closeLetsQueuedWorkFinishAndRunAndWaitWaits() {
        List<String> ran = new CopyOnWriteArrayList<>();
        EventLoop loop = new EventLoop(e -> {});
        assertTrue(loop.runAndWait(() -> ran.add("waited"), 5_000));
        assertEquals(List.of("waited"), ran, "done when runAndWait returns");
        for (int i = 0; i < 100; i++) {
            loop.execute(() -> ran.add("queued"));
        }
        loop.schedule(60_000, () -> ran.add("timer"));
        loop.close();
        assertEquals(101, ran.size(), "queued tasks ran before the loop stopped; timers were dropped");
    }

    @Test
    void cancelledTimersDoNotRun() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        try (EventLoop loop = new EventLoop(e -> {})) {
            loop.schedule(30, () -> ran.add("cancelled")).cancel();
            Scheduler.Cancellable[] every = new Scheduler.Cancellable[1];
            CountDownLatch threeTicks = new CountDownLatch(1);
            every[0] = loop.every(5, () -> {
                ran.add("tick");
                if (ran.stream().filter("tick"::equals).count() == 3) {
                    every[0].cancel();
                    threeTicks.countDown();
                }
            });
            assertTrue(threeTicks.await(5, TimeUnit.SECONDS));
            // Timers run in time order on one thread: once this sentinel has run, the cancelled
            // timer (30 ms) and any further tick would have run before it.
            CountDownLatch sentinel = new CountDownLatch(1);
            loop.schedule(60, sentinel::countDown);
            assertTrue(sentinel.await(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of("tick", "tick", "tick"), ran);
    }
}
