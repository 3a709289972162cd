package dev.muxbar.state;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Turns bursts of "something changed" into few refreshes (runs on the event loop only).
 *
 * <p>A change marks the state dirty and arms a debounce timer; every further change pushes the
 * deadline out to {@code debounce} after the latest change, but never past {@code maxWait} after the
 * first one. At most one refresh is in flight; changes during a flight set a trailing flag that
 * causes exactly one more (debounced) refresh when the flight lands.
 */
public final class RefreshCoalescer {

    private final Scheduler scheduler;
    private final Executor loop;
    private final long debounce;
    private final long maxWait;
    private final Supplier<? extends CompletionStage<?>> refresh;

    private Scheduler.Cancellable timer;
    private long firstDirty;
    private long lastDirty;
    private boolean inFlight;
    private boolean trailing;
    private long marks;
    private long refreshes;

    public RefreshCoalescer(Scheduler scheduler, Executor loop, long debounceMillis, long maxWaitMillis,
                            Supplier<? extends CompletionStage<?>> refresh) {
        this.scheduler = scheduler;
        this.loop = loop;
        this.debounce = debounceMillis;
        this.maxWait = maxWaitMillis;
        this.refresh = refresh;
    }

    /** Something changed. */
    public void markDirty() {
        marks++;
        long now = scheduler.now();
        if (inFlight) {
            trailing = true;
            return;
        }
        lastDirty = now;
        if (timer == null) {
            firstDirty = now;
            timer = scheduler.schedule(debounce, this::onTimer);
        }
        // An armed timer is not moved on every change (a burst would churn the scheduler);
        // onTimer re-arms itself if the debounce has not yet passed.
    }

    private void onTimer() {
        long now = scheduler.now();
        long due = Math.min(lastDirty + debounce, firstDirty + maxWait);
        if (due > now) {
            timer = scheduler.schedule(due - now, this::onTimer);
            return;
        }
        timer = null;
        inFlight = true;
        refreshes++;
        CompletionStage<?> stage;
        try {
            stage = refresh.get();
        } catch (RuntimeException e) {
            landed();
            throw e;
        }
        stage.whenComplete((r, e) -> loop.execute(this::landed));
    }

    private void landed() {
        inFlight = false;
        if (trailing) {
            trailing = false;
            markDirty();
            marks--; // the trailing mark was already counted when it arrived
        }
    }

    public boolean isInFlight() {
        return inFlight;
    }

    public boolean isPending() {
        return timer != null || trailing;
    }

    /** How many changes were marked. */
    public long marks() {
        return marks;
    }

    /** How many refreshes were started. */
    public long refreshes() {
        return refreshes;
    }

    /** Stops the timer; a flight in progress lands without a trailing refresh. */
    public void stop() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        trailing = false;
    }
}
