package dev.muxbar.state;

import dev.muxbar.model.Scheduler;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Turns bursts of "something changed" into few refreshes (runs on the event loop only).
 *
 * <p>A change after a quiet period (no refresh started within one debounce) refreshes at once: an
 * isolated change has nothing to wait for, and the sidebar shows it ~16 ms sooner. Otherwise a
 * change arms a debounce timer; every further change pushes the deadline out to {@code debounce}
 * after the latest change, but never past {@code maxWait} after the first one. At most one refresh
 * is in flight; changes during a flight set a trailing flag that causes exactly one more refresh,
 * debounced from those changes, when the flight lands. A burst therefore costs two refreshes: the
 * leading one and the trailing one.
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
    private long lastStart = Long.MIN_VALUE / 2;
    private boolean inFlight;
    private boolean trailing;
    private long marks;
    private long refreshes;

    public RefreshCoalescer(
            Scheduler scheduler,
            Executor loop,
            long debounceMillis,
            long maxWaitMillis,
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
            if (!trailing) {
                trailing = true;
                firstDirty = now;
            }
            lastDirty = now;
            return;
        }
        lastDirty = now;
        if (timer == null) {
            firstDirty = now;
            boolean quiet = now - lastStart >= debounce;
            timer = scheduler.schedule(quiet ? 0 : debounce, quiet ? this::start : this::onTimer);
        }
        // An armed timer is not moved on every change (a burst would churn the scheduler);
        // onTimer re-arms itself if the debounce has not yet passed.
    }

    /**
     * Something changed that no burst will follow (the daemon's own follow-up after a command it
     * ran): refresh as soon as no refresh is in flight, without waiting for the debounce.
     */
    public void markUrgent() {
        markDirty();
        firstDirty = scheduler.now() - maxWait; // the max wait has "passed": due now
        if (!inFlight) {
            if (timer != null) {
                timer.cancel();
            }
            timer = scheduler.schedule(0, this::onTimer);
        }
    }

    private void onTimer() {
        long now = scheduler.now();
        long due = Math.min(lastDirty + debounce, firstDirty + maxWait);
        if (due > now) {
            timer = scheduler.schedule(due - now, this::onTimer);
            return;
        }
        start();
    }

    private void start() {
        timer = null;
        inFlight = true;
        lastStart = scheduler.now();
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
            // The debounce runs from the changes made during the flight, not from the landing:
            // if they are already older than the debounce, the trailing refresh starts at once.
            trailing = false;
            long due = Math.min(lastDirty + debounce, firstDirty + maxWait);
            timer = scheduler.schedule(Math.max(0, due - scheduler.now()), this::onTimer);
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
