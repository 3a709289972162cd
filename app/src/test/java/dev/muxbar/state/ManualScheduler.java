package dev.muxbar.state;

import dev.muxbar.model.Scheduler;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;

/** A scheduler whose time moves only when a test says so; also an executor that queues tasks. */
public final class ManualScheduler implements Scheduler, Executor {

    private record Task(long due, long seq, Runnable run, boolean[] cancelled) {}

    private final PriorityQueue<Task> timers =
            new PriorityQueue<>((a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    private long now;
    private long seq;

    @Override
    public long now() {
        return now;
    }

    @Override
    public Cancellable schedule(long delayMillis, Runnable task) {
        boolean[] cancelled = {false};
        timers.add(new Task(now + Math.max(0, delayMillis), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public void execute(Runnable task) {
        ready.add(task);
    }

    /** Runs queued tasks (not timers) until none is left. */
    public void runReady() {
        Runnable r;
        while ((r = ready.poll()) != null) {
            r.run();
        }
    }

    /** Moves time forward, running every timer and queued task that comes due, in order. */
    public void advance(long millis) {
        long end = now + millis;
        runReady();
        while (!timers.isEmpty() && timers.peek().due <= end) {
            Task t = timers.poll();
            now = Math.max(now, t.due);
            if (!t.cancelled[0]) {
                t.run.run();
            }
            runReady();
        }
        now = end;
    }

    public int pendingTimers() {
        return (int) timers.stream().filter(t -> !t.cancelled[0]).count();
    }
}
