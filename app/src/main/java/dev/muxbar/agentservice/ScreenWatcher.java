package dev.muxbar.agentservice;

import dev.muxbar.agents.AgentRules;
import dev.muxbar.agents.Remote;
import dev.muxbar.agents.Signal;
import dev.muxbar.agents.Tracker;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.PaneWatch;
import dev.muxbar.tmux.TmuxGateway;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Screen rules: reads the screen of panes running a known agent — and of panes whose program is
 * elsewhere ({@link Remote}: ssh, mosh, a container), whose agent over there only its screen can name
 * ({@link AgentRules#recognise}, by each agent's signature) — in any session, and only when it
 * may have changed: {@link PaneWatch} says when (a digest of every agent pane, one command per
 * {@link #WATCH_MS}); the pane is then captured ({@code capture-pane -p}, at most every
 * {@link #MIN_INTERVAL_MS}) and its rules evaluated. A capture that differs from the last one is
 * followed by another while the row goes by its screen (the digest's activity time is in seconds, so
 * a turn's end drawn in the same second as the spinner before it changes nothing in it); a capture
 * equal to the last one ends that, and the pane costs nothing until its digest moves. Runs on the
 * event loop.
 */
public final class ScreenWatcher {

    /** How often the agent panes' digests are read. */
    static final long WATCH_MS = 250;
    /** Captures of one pane are at least this far apart. */
    static final long MIN_INTERVAL_MS = 250;
    /**
     * A pane elsewhere whose screen stopped showing its agent (a redraw, a panel the signature does
     * not know) ends the row only after this long without it.
     */
    static final long GONE_MS = 1_500;

    private final TmuxGateway tmux;
    private final PaneWatch panes;
    private final Scheduler scheduler;
    private final Executor loop;
    private final AgentRules rules;
    private final Consumer<Signal> out;
    private final java.util.function.BiConsumer<String, String> screens;
    private final Map<String, Watch> watches = new HashMap<>();
    private Map<String, Agent> rows = Map.of();
    private Snapshot snapshot = Snapshot.EMPTY; // pane titles, looked up when a capture is evaluated

    private static final class Watch {
        String agent; // null: a pane elsewhere that shows no agent (yet)
        final boolean remote;
        Status last; // the last status reported
        boolean turn; // seen busy since it was last seen idle
        long goneSince = -1; // a pane elsewhere: since when its screen shows no longer its agent
        String lastText; // the screen as last read
        long lastAt = Long.MIN_VALUE / 2;
        boolean busy; // a capture is scheduled or in flight
        boolean again;
        Scheduler.Cancellable timer;
        PaneWatch.Handle watching;

        Watch(String agent, boolean remote) {
            this.agent = agent;
            this.remote = remote;
        }

        /** The agent over there quit (or another one showed): start afresh. */
        void forget(String next) {
            agent = next;
            last = null;
            turn = false;
        }

        void cancel() {
            if (timer != null) {
                timer.cancel();
            }
            if (watching != null) {
                watching.stop();
            }
        }
    }

    /** {@code out}: what the rules read; {@code screens}: each capture's text (it may tell whose a conversation is). */
    public ScreenWatcher(
            TmuxGateway tmux,
            PaneWatch panes,
            Scheduler scheduler,
            Executor loop,
            AgentRules rules,
            Consumer<Signal> out,
            java.util.function.BiConsumer<String, String> screens) {
        this.screens = screens;
        this.tmux = tmux;
        this.panes = panes;
        this.scheduler = scheduler;
        this.loop = loop;
        this.rules = rules;
        this.out = out;
    }

    /**
     * Watches exactly the agent panes whose agent has screen rules, and every pane whose program is
     * elsewhere (its agent is whatever its screen shows; a pane at a remote shell's prompt costs a
     * digest, no capture, until it changes).
     */
    public void onModel(Model m) {
        Map<String, Agent> next = new HashMap<>();
        for (Agent a : m.agents()) {
            AgentRules.Definition d = rules.get(a.agent());
            if (d != null && !d.rules().isEmpty()) {
                next.putIfAbsent(a.pane(), a);
            }
        }
        java.util.Set<String> remote = new java.util.HashSet<>();
        for (Snapshot.Session s : m.snapshot().sessions()) {
            for (Snapshot.Window w : s.windows()) {
                for (Snapshot.Pane p : w.panes()) {
                    if (!p.sidebar() && Remote.program(p.command())) {
                        remote.add(p.id());
                    }
                }
            }
        }
        rows = next;
        snapshot = m.snapshot();
        watches.entrySet().removeIf(e -> {
            Agent a = next.get(e.getKey());
            boolean keep = e.getValue().remote
                    ? remote.contains(e.getKey()) // it follows the agent over there itself
                    : a != null && a.agent().equals(e.getValue().agent) && !remote.contains(e.getKey());
            if (!keep) {
                e.getValue().cancel();
            }
            return !keep;
        });
        for (String pane : remote) {
            watch(pane, next.containsKey(pane) ? next.get(pane).agent() : null, true);
        }
        for (Agent a : next.values()) {
            watch(a.pane(), a.agent(), false);
        }
    }

    private void watch(String pane, String agent, boolean remote) {
        if (!watches.containsKey(pane)) {
            Watch w = new Watch(agent, remote);
            watches.put(pane, w);
            w.watching = panes.watch(pane, WATCH_MS, this::request); // its first look reads the screen
        }
    }

    /** Stops every pending capture and watch (daemon exit). */
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
        tmux.send(Commands.capturePane(pane))
                .whenComplete((lines, err) -> loop.execute(() -> {
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
        AgentRules.Definition d = w.agent == null ? null : rules.get(w.agent);
        if (w.remote && (d == null || !d.shows(screen))) {
            AgentRules.Definition seen = rules.recognise(screen);
            boolean lost = d != null && (seen == null || !seen.agent().equals(d.agent()));
            long now = scheduler.now();
            w.goneSince = !lost ? -1 : w.goneSince < 0 ? now : w.goneSince;
            if (lost && now - w.goneSince < GONE_MS) {
                w.again = true; // not gone yet (a redraw, a line the signature does not know): look again
            } else {
                if (lost) {
                    // The agent over there quit (the remote shell's prompt is the last line): its row ends.
                    out.accept(Signal.of(Source.SCREEN, d.agent(), null, pane, null).toBuilder()
                            .end(true)
                            .build()
                            .because("screen through " + remoteProgram(pane) + ": " + d.agent() + " gone"));
                }
                w.forget(seen == null ? null : seen.agent());
                d = seen;
            }
        } else {
            w.goneSince = -1;
        }
        if (d == null) {
            return;
        }
        String text = String.join("\n", screen);
        boolean moved = !text.equals(w.lastText);
        w.lastText = text;
        if (moved) {
            screens.accept(pane, text);
        }
        Agent shown = rows.get(pane);
        if (moved && (shown == null || shown.source() == Source.SCREEN || shown.source() == Source.REGISTRY)) {
            // A screen that just moved moves on (a spinner, streamed text, a turn's end drawn within the
            // same second, which tmux's activity time cannot tell): look again at the next tick while
            // the screen is what this row goes by. A screen that stopped moving costs nothing again.
            w.again = true;
        }
        String title = panes.title(pane); // as the digest read it: a snapshot's may be a refresh old
        AgentRules.Verdict v = d.judge(
                screen,
                title != null
                        ? title
                        : snapshot.pane(pane).map(Snapshot.Pane::title).orElse(""));
        if (v == null) {
            return;
        }
        Status s = v.status();
        // Seen working (a dialog on the way counts), now at its prompt: the turn finished (for agents known
        // by their screen only), and stays finished while the screen stays idle (a second look is no news).
        // A dialog outside a turn (Codex asking to trust hooks at start) ends in plain idle.
        w.turn |= s.busy();
        Status report = s;
        if (s == Status.IDLE && w.last != null && w.last.terminal()) {
            report = w.last; // still finished the way it finished
        } else if (s == Status.IDLE && w.turn) {
            report = Status.DONE;
        }
        w.turn &= !(report == Status.IDLE || report.terminal());
        boolean dialogGone = w.last == Status.WAITING && s != Status.WAITING;
        w.last = report;
        out.accept(Signal.of(Source.SCREEN, w.agent, report, pane, null)
                .withWait(v.waitsFor())
                .because((w.remote ? "screen through " + remoteProgram(pane) + " " : "screen ") + v.rule()));
        if (s != Status.WAITING && shown != null && shown.status() == Status.WAITING) {
            // The prompt is gone but the row still waits: look again once the tracker lets the screen lower it
            // (soon when this screen showed the prompt itself).
            w.again = false;
            w.busy = true;
            long delay = dialogGone ? Tracker.SCREEN_GONE_MS + 50 : Tracker.SCREEN_GRACE_MS + 100;
            w.timer = scheduler.schedule(delay, () -> capture(pane, w));
        }
    }

    /** The program that takes the pane elsewhere (ssh, mosh-client, docker, …), as tmux names it. */
    private String remoteProgram(String pane) {
        return snapshot.pane(pane).map(Snapshot.Pane::command).orElse("ssh");
    }
}
