package dev.muxbar.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void cancelledTimersDoNotRun() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        try (EventLoop loop = new EventLoop(e -> { })) {
            Scheduler.Cancellable c = loop.schedule(30, () -> ran.add("cancelled"));
            Scheduler.Cancellable every = loop.every(10, () -> ran.add("tick"));
            c.cancel();
            Thread.sleep(100); // a window in which the cancelled timer would have fired
            every.cancel();
            int ticks = ran.size();
            Thread.sleep(50);
            assertEquals(ticks, ran.size(), "no ticks after cancel");
        }
        assertTrue(!ran.contains("cancelled") && ran.contains("tick"), ran.toString());
    }
}
