package dev.muxbar.model;

/**
 * Time and delayed work, injected so tests can step time. All tasks of the daemon's scheduler run on
 * the event-loop thread; there is no other timer in the daemon.
 */
public interface Scheduler {
    /** Monotonic milliseconds. */
    long now();

    /** Runs {@code task} once after {@code delayMillis}. */
    Cancellable schedule(long delayMillis, Runnable task);

    /** A scheduled task that can be cancelled; cancelling twice or after it ran is harmless. */
    interface Cancellable {
        void cancel();
    }

    /** Runs {@code task} every {@code periodMillis} until cancelled, on the same scheduler. */
    default Cancellable every(long periodMillis, Runnable task) {
        final class Repeater implements Runnable, Cancellable {
            private volatile boolean cancelled;
            private volatile Cancellable next;

            @Override
            public void run() {
                if (cancelled) {
                    return;
                }
                task.run();
                if (!cancelled) {
                    next = schedule(periodMillis, this);
                }
            }

            @Override
            public void cancel() {
                cancelled = true;
                Cancellable n = next;
                if (n != null) {
                    n.cancel();
                }
            }
        }
        Repeater r = new Repeater();
        r.next = schedule(periodMillis, r);
        return r;
    }
}
