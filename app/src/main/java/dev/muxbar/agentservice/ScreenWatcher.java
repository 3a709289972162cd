package dev.muxbar.agentservice;

import dev.muxbar.agents.AgentRules;
import dev.muxbar.agents.Signal;
import dev.muxbar.agents.Tracker;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxGateway;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Screen rules: reads the screen of panes running a known agent, and only when their output changed.
 * Each watched pane gets a control-mode subscription whose value changes with the pane's output
 * (tmux checks subscriptions about once a second):
 *
 * <pre>
 * refresh-client -B 'muxbar-pane-5:%5:#{window_activity}#{history_size}#{cursor_y}#{pane_title}'
 * %subscription-changed muxbar-pane-5 $1 @1 1 %5 : 1795452536 120 23 ✳ Claude Code
 * </pre>
 * On each change the pane is captured ({@code capture-pane -p}, at most every {@link #MIN_INTERVAL_MS})
 * and its rules evaluated. Runs on the event loop.
 */
public final class ScreenWatcher {

    static final String PREFIX = "muxbar-pane-";
    /** Captures of one pane are at least this far apart. */
    static final long MIN_INTERVAL_MS = 250;

    private final TmuxGateway tmux;
    private final Scheduler scheduler;
    private final Executor loop;
    private final AgentRules rules;
    private final Consumer<Signal> out;
    private final Map<String, Watch> watches = new HashMap<>();
    private Map<String, Agent> rows = Map.of();
    private Snapshot snapshot = Snapshot.EMPTY; // pane titles, looked up when a capture is evaluated

    private static final class Watch {
        final String agent;
        Status last;
        long lastAt = Long.MIN_VALUE / 2;
        boolean busy; // a capture is scheduled or in flight
        boolean again;
        Scheduler.Cancellable timer;

        Watch(String agent) {
            this.agent = agent;
        }

        void cancel() {
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    public ScreenWatcher(TmuxGateway tmux, Scheduler scheduler, Executor loop, AgentRules rules, Consumer<Signal> out) {
        this.tmux = tmux;
        this.scheduler = scheduler;
        this.loop = loop;
        this.rules = rules;
        this.out = out;
    }

    /** Watches exactly the agent panes whose agent has screen rules. */
    public void onModel(Model m) {
        Map<String, Agent> next = new HashMap<>();
        for (Agent a : m.agents()) {
            AgentRules.Definition d = rules.get(a.agent());
            if (d != null && !d.rules().isEmpty()) {
                next.putIfAbsent(a.pane(), a);
            }
        }
        rows = next;
        snapshot = m.snapshot();
        watches.entrySet().removeIf(e -> {
            Agent a = next.get(e.getKey());
            if (a == null || !a.agent().equals(e.getValue().agent)) {
                e.getValue().cancel();
                tmux.send(Commands.unsubscribe(PREFIX + e.getKey().substring(1)));
                return true;
            }
            return false;
        });
        for (Agent a : next.values()) {
            if (!watches.containsKey(a.pane())) {
                watches.put(a.pane(), new Watch(a.agent()));
                String n = a.pane().substring(1);
                tmux.send(Commands.subscribe(PREFIX + n, "%" + n, "#{window_activity}#{history_size}#{cursor_y}#{pane_title}"));
                request(a.pane()); // the screen as it is now
            }
        }
    }

    /** A subscription changed: {@code muxbar-pane-5} → capture %5 soon. Others are ignored. */
    public void onSubscription(String name) {
        if (name.startsWith(PREFIX)) {
            request("%" + name.substring(PREFIX.length()));
        }
    }

    /** Stops every pending capture (daemon exit; the subscriptions end with the control client). */
    public void close() {
        watches.values().forEach(Watch::cancel);
        watches.clear();
    }

    private void request(String pane) {
        Watch w = watches.get(pane);
        if (w == null) {
            return;
        }
        if (w.busy) {
            w.again = true;
            return;
        }
        w.busy = true;
        long wait = Math.max(0, w.lastAt + MIN_INTERVAL_MS - scheduler.now());
        if (wait == 0) {
            capture(pane, w);
        } else {
            w.timer = scheduler.schedule(wait, () -> capture(pane, w));
        }
    }

    private void capture(String pane, Watch w) {
        w.timer = null;
        w.lastAt = scheduler.now();
        tmux.send(Commands.capturePane(pane)).whenComplete((lines, err) -> loop.execute(() -> {
            w.busy = false;
            if (watches.get(pane) != w) {
                return; // no longer watched
            }
            if (err == null) {
                evaluate(pane, w, lines);
            }
            if (w.again) {
                w.again = false;
                request(pane);
            }
        }));
    }

    private void evaluate(String pane, Watch w, List<String> screen) {
        AgentRules.Definition d = rules.get(w.agent);
        if (d == null) {
            return;
        }
        AgentRules.Verdict v = d.judge(screen, snapshot.pane(pane).map(Snapshot.Pane::title).orElse(""));
        if (v == null) {
            return;
        }
        Status s = v.status();
        // Seen working, now at its prompt: the turn finished (for agents known by their screen only).
        Status report = s == Status.IDLE && w.last != null && w.last.busy() ? Status.DONE : s;
        w.last = s;
        out.accept(Signal.of(Source.SCREEN, w.agent, report, pane, null).withWait(v.waitsFor()).because("screen " + v.rule()));
        Agent row = rows.get(pane);
        if (s != Status.WAITING && row != null && row.status() == Status.WAITING) {
            // The prompt is gone but the row still waits: look again once the tracker lets the screen lower it.
            w.again = false;
            w.busy = true;
            w.timer = scheduler.schedule(Tracker.SCREEN_GRACE_MS + 100, () -> capture(pane, w));
        }
    }
}
