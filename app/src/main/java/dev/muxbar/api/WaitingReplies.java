package dev.muxbar.api;

import dev.muxbar.model.Scheduler;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Replies that wait for the loop without holding a thread: each is sent by whoever completes it, or
 * as a 503 once it has waited {@code timeout} (checked a quarter of that apart, so after at most
 * 1.25 × {@code timeout}).
 *
 * <p>One sweep runs while any reply waits, instead of a timer per request: hooks are answered within
 * a millisecond, so a timer per request found the timer queue empty nearly every time and woke
 * Jetty's timer thread for every hook.
 *
 * <p>The scheduler must not be the event loop's: the sweep is what answers when the loop is stuck.
 * The daemon passes Jetty's timer ({@link ApiServer}); tests step a manual one.
 */
final class WaitingReplies {

    private final Scheduler scheduler;
    private final long timeoutMillis;
    private final long sweepMillis;
    private final Set<Waiting> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    WaitingReplies(Scheduler scheduler, long timeoutMillis) {
        this.scheduler = scheduler;
        this.timeoutMillis = timeoutMillis;
        this.sweepMillis = Math.max(1, timeoutMillis / 4);
    }

    /** A reply being waited for; sent exactly once, by {@link #send} or by the sweep. */
    private static final class Waiting {
        final long since;
        final AtomicBoolean sent = new AtomicBoolean();
        final Consumer<Reply> send;

        Waiting(long since, Consumer<Reply> send) {
            this.since = since;
            this.send = send;
        }
    }

    /** Sends {@code reply}'s value through {@code send} when it completes, or a 503 when it takes too long. */
    void await(CompletionStage<Reply> reply, Consumer<Reply> send) {
        if (reply.toCompletableFuture().isDone()) { // refused before reaching the loop: nothing to wait for
            reply.whenComplete((r, err) -> send.accept(orInternalError(r, err)));
            return;
        }
        Waiting w = new Waiting(scheduler.now(), send);
        waiting.add(w);
        if (sweeping.compareAndSet(false, true)) {
            scheduleSweep();
        }
        reply.whenComplete((r, err) -> {
            if (w.sent.compareAndSet(false, true)) {
                waiting.remove(w);
                send.accept(orInternalError(r, err));
            }
        });
    }

    private void scheduleSweep() {
        scheduler.schedule(sweepMillis, this::sweep);
    }

    private void sweep() {
        long now = scheduler.now();
        for (Waiting w : waiting) {
            if (now - w.since >= timeoutMillis && w.sent.compareAndSet(false, true)) {
                waiting.remove(w);
                w.send.accept(Reply.busy());
            }
        }
        sweeping.set(false);
        // One added between the loop above and the flag's reset must still be swept.
        if (!waiting.isEmpty() && sweeping.compareAndSet(false, true)) {
            scheduleSweep();
        }
    }

    /** Jetty's timer thread as a {@link Scheduler}: not the loop, which the waits must outlast. */
    static Scheduler jettyTimer(org.eclipse.jetty.util.thread.Scheduler timer) {
        return new Scheduler() {
            @Override
            public long now() {
                return System.nanoTime() / 1_000_000;
            }

            @Override
            public Cancellable schedule(long delayMillis, Runnable task) {
                org.eclipse.jetty.util.thread.Scheduler.Task t =
                        timer.schedule(task, delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
                return t::cancel;
            }
        };
    }

    /** Replies being waited for now. */
    int size() {
        return waiting.size();
    }

    private static Reply orInternalError(Reply r, Throwable err) {
        return err == null ? r : Reply.error(500, "internal error: " + err);
    }
}
