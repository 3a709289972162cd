package dev.muxbar.agentservice;

import dev.muxbar.agents.AgentFiles;
import dev.muxbar.agents.AgentRules;
import dev.muxbar.agents.Signal;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Snapshot;
import dev.muxbar.state.Core;
import dev.muxbar.state.Event;
import dev.muxbar.tmux.TmuxGateway;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The daemon's agent watchers on the event loop: screen rules for agent panes, transcript tailing
 * for panes running Claude or Codex (woken by an inotify watch of their directories as the agent
 * writes, and every {@link #TAIL_MS} as a backstop; file IO on {@code io}, only while such a pane
 * exists), and attention alerts. Every signal goes to the core's one ingest path.
 */
public final class AgentService implements dev.muxbar.agents.UsageDesk {

    static final long TAIL_MS = 1_000;

    private final Core core;
    private final Scheduler scheduler;
    private final Executor io;
    private final ScreenWatcher screen;
    private final Attention attention;
    private final MutedBells bells;
    private final AgentFiles files; // used on io only
    private List<AgentFiles.Pane> filePanes = List.of(); // the panes whose agents' files are read
    private Map<String, String> agentPanes = Map.of();
    private Snapshot panesOf; // the snapshot filePanes were read from
    private final Executor loop;
    private volatile boolean tailing;
    private volatile boolean again; // a write was seen while a poll was reading: read once more after it
    private final DirWatch watch;
    private Scheduler.Cancellable tailTimer;
    private final Consumer<String> log;
    private volatile Map<String, dev.muxbar.agents.UsageLedger.Label> labels = Map.of(); // thread → where it runs
    private long savedAt; // io only: when the usage ledger was last written
    private Map<String, dev.muxbar.model.Usage> published = Map.of(); // io only: the usage last posted
    private volatile NotifyRoutes routes = NotifyRoutes.parse(NotifyRoutes.DEFAULT);
    private long refusedLogged; // io only: when a refused statusLine copy was last logged
    private int refused; // io only: refused since then

    static final long SAVE_MS = 10_000;

    public AgentService(
            TmuxGateway tmux,
            dev.muxbar.tmux.PaneWatch panes,
            Core core,
            Scheduler scheduler,
            Executor loop,
            Executor io,
            AgentRules rules,
            AgentFiles files,
            Consumer<String> log,
            java.util.function.Predicate<String> sidebarNotice) {
        this.core = core;
        this.scheduler = scheduler;
        this.io = io;
        this.loop = loop;
        this.files = files;
        this.screen = new ScreenWatcher(
                tmux,
                panes,
                scheduler,
                loop,
                rules,
                this::ingest,
                (pane, text) -> core.post(new Event.AgentScreen(pane, text)));
        this.log = log;
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
        Map<String, String> agentPanes = new HashMap<>(); // pane → agent kind, for those whose files muxbar reads
        Map<String, dev.muxbar.agents.UsageLedger.Label> where = new HashMap<>();
        for (Agent a : m.agents()) {
            if (a.thread() != null) {
                String session =
                        m.snapshot().session(a.sessionId()).map(s -> s.name()).orElse("");
                where.put(a.thread(), new dev.muxbar.agents.UsageLedger.Label(session, a.agent()));
            }
            if (a.agent().equals("claude") || a.agent().equals("codex")) {
                agentPanes.put(a.pane(), a.agent());
            }
        }
        if (!where.equals(labels)) {
            labels = Map.copyOf(where);
        }
        if (m.snapshot() != panesOf || !agentPanes.equals(this.agentPanes)) {
            // Most models only change an agent's status: walk the panes only when they or the set changed.
            List<AgentFiles.Pane> found = new ArrayList<>();
            agentPanes.forEach((id, agent) -> m.snapshot()
                    .pane(id)
                    .filter(p -> p.pid() > 0)
                    .ifPresent(p -> found.add(new AgentFiles.Pane(agent, p.pid(), p.cwd()))));
            filePanes = List.copyOf(found);
            this.agentPanes = agentPanes;
            panesOf = m.snapshot();
        }
        if (!filePanes.isEmpty() && tailTimer == null) {
            tailTimer = scheduler.every(TAIL_MS, this::tail);
        } else if (filePanes.isEmpty() && tailTimer != null) {
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
        List<AgentFiles.Pane> panes = filePanes;
        io.execute(() -> {
            try {
                files.usage().ledger().label(labels); // before the lines: a new conversation's first row is named
                files.poll(panes, System.currentTimeMillis()).forEach(this::ingest);
                if (files.usage().takeChanged()) {
                    publishUsage();
                }
                watch.watch(files.dirs());
            } finally {
                tailing = false;
                if (again) {
                    loop.execute(this::tail);
                }
            }
        });
    }

    /** {@code @muxbar-notify-on}: which kinds notify, and where; one that does not read keeps the default (logged). */
    public NotifyRoutes notifyOn(String option) {
        NotifyRoutes r;
        try {
            r = NotifyRoutes.parse(option);
        } catch (IllegalArgumentException e) {
            log.accept(e.getMessage() + "; using " + NotifyRoutes.DEFAULT);
            r = NotifyRoutes.parse(NotifyRoutes.DEFAULT);
        }
        attention.routeWith(r);
        routes = r;
        return r;
    }

    /** Which kinds notify, and where. */
    public NotifyRoutes notifyRoutes() {
        return routes;
    }

    /** {@code @muxbar-context-warn}: {@code 90} or {@code 90%} (1–100); anything else keeps the default. */
    public void contextWarn(String option) {
        String v = option == null ? "" : option.strip().replaceFirst("%$", "");
        if (v.matches("[0-9]{1,3}") && Integer.parseInt(v) >= 1 && Integer.parseInt(v) <= 100) {
            int percent = Integer.parseInt(v);
            io.execute(() -> files.usage().warnAt(percent));
        }
    }

    /** Claude's statusLine JSON (muxbar's tee forwards it): its figures into the usage book, on the io thread. */
    @Override
    public void statusLine(dev.muxbar.json.Node json) {
        io.execute(() -> {
            files.usage().ledger().label(labels);
            if (files.usage().report(json, System.currentTimeMillis())) {
                publishUsage();
            }
        });
    }

    @Override
    public void statusLineRefused(String why) {
        io.execute(() -> {
            refused++;
            long now = System.currentTimeMillis();
            if (now - refusedLogged >= 60_000) {
                log.accept("a statusLine copy refused (" + refused + " since the last such line): " + why);
                refusedLogged = now;
                refused = 0;
            }
        });
    }

    /** The usage ledger's rows from {@code from} on (read on the io thread, its owner). */
    @Override
    public java.util.concurrent.CompletableFuture<List<dev.muxbar.agents.UsageLedger.Row>> usageSince(
            java.time.LocalDate from) {
        return java.util.concurrent.CompletableFuture.supplyAsync(
                () -> files.usage().ledger().since(from), io);
    }

    /** On the io thread: the usage so far to the loop, the ledger to disk (at most every {@link #SAVE_MS}). */
    private void publishUsage() {
        long now = System.currentTimeMillis();
        Map<String, dev.muxbar.model.Usage> usage = files.usage().snapshot(now);
        if (!usage.equals(published)) { // Claude repeats its statusLine at every redraw: the same figures again
            published = usage;
            core.post(new dev.muxbar.state.Event.UsageChanged(usage));
        }
        if (now - savedAt >= SAVE_MS) {
            savedAt = now;
            files.saveUsage(log);
        }
    }

    /** A notification written through a window's sidebar in OSC {@code format} (false: no sidebar there). */
    public interface FormattedNotifier {
        boolean notify(String windowId, String format, String title, String body);
    }

    /**
     * Notifications through the clients' own terminals in OSC {@code format} ({@code @muxbar-notify-terminal};
     * blank or {@code off}: none).
     */
    public void notifyTerminals(String format, FormattedNotifier through) {
        if (format != null && !format.isBlank() && !format.equals("off")) {
            attention.notifyTerminals((window, title, body) -> through.notify(window, format, title, body));
        }
    }

    /** The user's desktop notification command ({@code @muxbar-notify-command}; null or blank: none). */
    public void notifyCommand(String command, Consumer<String> log) {
        if (command != null && !command.isBlank()) {
            attention.notifyWith(new NotifyCommand(command, io, log));
        }
    }

    public void close() {
        try {
            // Waited for (briefly): the daemon's threads go with the process, and the days must reach the disk.
            java.util.concurrent.CompletableFuture.runAsync(() -> files.saveUsage(log), io)
                    .get(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException
                | java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            log.accept("usage.json not written at exit: " + e); // what the last write kept stays (≤ SAVE_MS old)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        screen.close();
        watch.close();
        if (tailTimer != null) {
            tailTimer.cancel();
        }
    }
}
