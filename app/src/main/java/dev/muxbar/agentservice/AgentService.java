package dev.muxbar.agentservice;

import dev.muxbar.agents.AgentRules;
import dev.muxbar.agents.Registry;
import dev.muxbar.agents.Signal;
import dev.muxbar.agents.TranscriptTailer;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Snapshot;
import dev.muxbar.state.Core;
import dev.muxbar.state.Event;
import dev.muxbar.tmux.Notification;
import dev.muxbar.tmux.TmuxGateway;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The daemon's agent watchers on the event loop: screen rules for agent panes, transcript tailing
 * for panes running Claude or Codex (woken by an inotify watch of their directories as the agent
 * writes, and every {@link #TAIL_MS} as a backstop; file IO on {@code io}, only while such a pane
 * exists), and attention alerts. Every signal goes to the core's one ingest path.
 */
public final class AgentService {

    static final long TAIL_MS = 1_000;

    private final Core core;
    private final Scheduler scheduler;
    private final Executor io;
    private final ScreenWatcher screen;
    private final Attention attention;
    private final MutedBells bells;
    private final TranscriptTailer tailer;
    private final Registry registry;
    private final java.util.function.LongUnaryOperator parentOf;
    private Set<Long> claudePids = Set.of(); // pids of panes running Claude: the registry reads only below them

    /** The agents' own files: transcripts, Claude's registry, and how to walk from a process to its pane. */
    public record Files(TranscriptTailer transcripts, Registry registry, java.util.function.LongUnaryOperator parentOf) {}
    private Set<String> claudeCwds = Set.of();
    private Set<String> claudePanes = Set.of();
    private Snapshot cwdsOf; // the snapshot claudeCwds were read from
    private boolean codex;
    private final Executor loop;
    private volatile boolean tailing;
    private volatile boolean again; // a write was seen while a poll was reading: read once more after it
    private final DirWatch watch;
    private Scheduler.Cancellable tailTimer;

    public AgentService(TmuxGateway tmux, dev.muxbar.tmux.PaneWatch panes, Core core, Scheduler scheduler, Executor loop,
                        Executor io, AgentRules rules, Files files, Consumer<String> log,
                        java.util.function.Predicate<String> sidebarNotice) {
        this.core = core;
        this.scheduler = scheduler;
        this.io = io;
        this.loop = loop;
        this.tailer = files.transcripts();
        this.registry = files.registry();
        this.parentOf = files.parentOf();
        this.screen = new ScreenWatcher(tmux, panes, scheduler, loop, rules, this::ingest);
        this.attention = new Attention(tmux, io, log, sidebarNotice, scheduler::now);
        this.bells = new MutedBells(tmux);
        this.watch = new DirWatch(() -> loop.execute(this::tail), log);
    }

    private void ingest(Signal s) {
        core.post(new Event.AgentSignal(s, null));
    }

    /** A new model (on the loop). */
    public void onModel(Model m) {
        screen.onModel(m);
        attention.onModel(m);
        bells.onModel(m);
        Set<String> claudePanes = new HashSet<>();
        boolean anyCodex = false;
        for (Agent a : m.agents()) {
            if (a.agent().equals("claude")) {
                claudePanes.add(a.pane());
            }
            anyCodex |= a.agent().equals("codex");
        }
        if (m.snapshot() != cwdsOf || !claudePanes.equals(this.claudePanes)) {
            // Most models only change an agent's status: walk the panes only when they or the set changed.
            Set<String> cwds = new HashSet<>();
            Set<Long> pids = new HashSet<>();
            if (!claudePanes.isEmpty()) {
                m.snapshot().sessions().forEach(x -> x.windows().forEach(w -> w.panes().forEach(p -> {
                    if (claudePanes.contains(p.id()) && !p.cwd().isEmpty()) {
                        cwds.add(p.cwd());
                    }
                    if (claudePanes.contains(p.id()) && p.pid() > 0) {
                        pids.add(p.pid());
                    }
                })));
            }
            claudeCwds = Set.copyOf(cwds);
            claudePids = Set.copyOf(pids);
            this.claudePanes = claudePanes;
            cwdsOf = m.snapshot();
        }
        codex = anyCodex;
        if ((codex || !claudeCwds.isEmpty()) && tailTimer == null) {
            tailTimer = scheduler.every(TAIL_MS, this::tail);
        } else if (!codex && claudeCwds.isEmpty() && tailTimer != null) {
            tailTimer.cancel();
            tailTimer = null;
            io.execute(() -> watch.watch(Set.of()));
        }
    }

    /** Reads new transcript lines: every {@link #TAIL_MS}, and as soon as the watch sees a write. */
    private void tail() {
        if (tailTimer == null) {
            return; // no agent pane any more (a late wake-up)
        }
        if (tailing) {
            again = true; // the poll in flight may have missed this write
            return;
        }
        tailing = true;
        again = false;
        Set<String> cwds = claudeCwds;
        Set<Long> pids = claudePids;
        boolean withCodex = codex;
        io.execute(() -> {
            try {
                registry.poll(pids, parentOf).forEach(this::ingest);
                tailer.poll(cwds, withCodex, System.currentTimeMillis()).forEach(this::ingest);
                Set<java.nio.file.Path> dirs = new HashSet<>(tailer.dirs(cwds, withCodex));
                if (!pids.isEmpty()) {
                    dirs.add(registry.dir());
                }
                watch.watch(dirs);
            } finally {
                tailing = false;
                if (again) {
                    loop.execute(this::tail);
                }
            }
        });
    }

    /** Notifications through the clients' own terminals ({@code @muxbar-notify-terminal}); null: off. */
    public void notifyTerminals(Attention.TerminalNotifier t) {
        attention.notifyTerminals(t);
    }

    /** The user's desktop notification command ({@code @muxbar-notify-command}; null or blank: none). */
    public void notifyCommand(String command, Consumer<String> log) {
        if (command != null && !command.isBlank()) {
            attention.notifyWith(new NotifyCommand(command, io, log));
        }
    }

    public void close() {
        screen.close();
        watch.close();
        if (tailTimer != null) {
            tailTimer.cancel();
        }
    }
}
