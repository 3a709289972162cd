package dev.muxbar.state;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Holds only the latest value for one subscriber. {@link #offer} never blocks: it replaces the
 * held value and, if no delivery is running, starts one on the subscriber's executor. A slow
 * subscriber therefore skips intermediate values instead of queueing them.
 */
public final class ConflatingSlot<T> {

    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final Executor executor;
    private final Consumer<T> consumer;

    public ConflatingSlot(Executor executor, Consumer<T> consumer) {
        this.executor = executor;
        this.consumer = consumer;
    }

    public void offer(T value) {
        if (latest.getAndSet(value) != null) {
            skipped.incrementAndGet();
        }
        if (running.compareAndSet(false, true)) {
            submit();
        }
    }

    /** A subscriber whose executor was shut down (daemon exit) simply stops receiving. */
    private void submit() {
        try {
            executor.execute(this::drain);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            running.set(false);
        }
    }

    private void drain() {
        try {
            T v;
            while ((v = latest.getAndSet(null)) != null) {
                delivered.incrementAndGet();
                consumer.accept(v);
            }
        } finally {
            running.set(false);
            // A value offered between the last getAndSet and running=false must not be stranded.
            if (latest.get() != null && running.compareAndSet(false, true)) {
                submit();
            }
        }
    }

    /** True when a newer value waits (a consumer about to act on an older one may skip it). */
    public boolean pending() {
        return latest.get() != null;
    }

    public long delivered() {
        return delivered.get();
    }

    public long skipped() {
        return skipped.get();
    }
}
