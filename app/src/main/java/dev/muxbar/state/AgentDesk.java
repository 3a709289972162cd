package dev.muxbar.state;

import dev.muxbar.agents.Signal;
import dev.muxbar.agents.Tracker;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Snapshot;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The loop's side of the agents: the {@link Tracker} fed with signals and snapshots, and its tick
 * (rows age: stale marks, pruning, transcript waits), which runs only while there are rows. Owned
 * by {@link Core}, on the loop thread; {@code changed} asks Core to publish.
 */
final class AgentDesk {

    static final long TICK_MS = 1_000;

    private final Scheduler scheduler;
    private final Tracker tracker;
    private final Function<Snapshot, dev.muxbar.agents.Identities> identify;
    private final Runnable changed;
    private final java.util.function.LongSupplier wall;
    private Consumer<java.util.function.Supplier<String>> trace = m -> {};
    private Scheduler.Cancellable timer;
    private boolean stopped;

    AgentDesk(
            Scheduler scheduler,
            Tracker tracker,
            Function<Snapshot, dev.muxbar.agents.Identities> identify,
            Runnable changed,
            java.util.function.LongSupplier wall) {
        this.wall = wall;
        this.scheduler = scheduler;
        this.tracker = tracker;
        this.identify = identify;
        this.changed = changed;
    }

    void trace(Consumer<java.util.function.Supplier<String>> trace) {
        this.trace = trace;
    }

    List<dev.muxbar.agents.Explanation> explain(String pane) {
        return tracker.explain(pane, scheduler.now());
    }

    List<Agent> agents() {
        return tracker.agents();
    }

    /** A new snapshot: agents of gone panes or exited processes end, viewed windows clear unseen marks. */
    void observe(Snapshot s) {
        tracker.observe(s, identify.apply(s), scheduler.now());
        ticks();
    }

    /** One signal; publishes (through {@code changed}) when it changed a row. */
    Tracker.Outcome signal(Signal signal) {
        // A signal without its own time happened as it arrives: stamp it, so that lines read later
        // about earlier moments cannot overrule it.
        Tracker.Outcome outcome =
                tracker.apply(signal.at() > 0 ? signal : signal.at(wall.getAsLong()), scheduler.now());
        if (outcome == Tracker.Outcome.CHANGED) {
            if (signal.status() != null) {
                // Built only when traced: at 200 events a second the line cost more than the change.
                trace.accept(() -> "agent " + signal.agent() + " " + signal.where() + ": "
                        + signal.status().label() + " (" + signal.source().label() + ": " + signal.evidence() + ")");
            }
            changed.run();
            ticks();
        } else if (outcome == Tracker.Outcome.HELD) {
            ticks(); // the tick places it
        }
        return outcome;
    }

    /** A capture of an agent pane: it may place a thread that waits for its pane. */
    void screen(String pane, String text) {
        if (tracker.screen(pane, text, scheduler.now())) {
            changed.run();
        }
        ticks();
    }

    void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void ticks() {
        if (tracker.needsTicks() && timer == null && !stopped) {
            timer = scheduler.every(TICK_MS, () -> {
                if (tracker.tick(scheduler.now())) {
                    changed.run();
                }
                ticks();
            });
        } else if (!tracker.needsTicks() && timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
