package dev.muxbar.sidebar;

import dev.muxbar.model.Choices;
import dev.muxbar.model.Model;
import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.model.Snapshot.Window;
import dev.muxbar.sidebar.pane.PaneScreen;
import dev.muxbar.sidebar.pane.SidebarPane;
import dev.muxbar.sidebar.pane.TerminalNote;
import dev.muxbar.state.Core;
import dev.muxbar.state.Event;
import dev.muxbar.theme.Theme;
import dev.muxbar.theme.ThemeChoices;
import dev.muxbar.tmux.TmuxGateway;
import dev.muxbar.tty.TtyHub;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The sidebars, put together: {@link SidebarLifecycle} (the panes in tmux), {@link SidebarPainter}
 * (their ttys and frames), {@link SidebarInput} (their keys) and {@link GitInfo} (branch marks).
 * Follows the model: a new tmux snapshot, or new sidebar choices (on/off, width), is planned,
 * synced and painted; any other new model (agents, order, the notice) is only painted. On the
 * loop only.
 */
public final class SidebarService {

    private final SidebarLifecycle lifecycle;
    private final SidebarPainter painter;
    private final SidebarInput input;
    private final GitInfo gitInfo;
    private final Core core;
    private final PeekFeed peeks;
    private final Executor loop;
    private final TmuxGateway tmux;
    private final TtyHub hub;
    private final SidebarActions actions;
    private final java.util.concurrent.ThreadPoolExecutor paintPool;
    private final java.util.Set<String> passthrough =
            new java.util.HashSet<>(); // sidebar panes allowed to pass through

    public SidebarService(
            TmuxGateway tmux,
            dev.muxbar.tmux.PaneWatch panes,
            Core core,
            Scheduler scheduler,
            Executor loop,
            ThemeChoices themes,
            String sidebarScript,
            Consumer<String> log,
            dev.muxbar.act.AgentActions agents,
            dev.muxbar.act.OtherMachines machines,
            dev.muxbar.act.Lifetimes lifetimes) {
        this.core = core;
        this.loop = loop;
        this.tmux = tmux;
        try {
            this.hub = new TtyHub("sidebar-io");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // Where frames are rendered: two threads for every sidebar (a burst repaints the visible ones
        // in parallel on two cores), gone after a while without frames.
        this.paintPool = dev.muxbar.state.Threads.lazy("sidebar-paint", PAINT_THREADS);
        this.painter = new SidebarPainter(
                scheduler,
                loop,
                themes,
                (id, tty, w, h, keys, gone) -> new SidebarPane(id, tty, w, h, keys, gone, hub, paintPool, scheduler),
                this::onKey);
        this.lifecycle = new SidebarLifecycle(
                tmux,
                scheduler,
                loop,
                parts -> core.post(new Event.Refresh(parts)),
                "exec " + dev.muxbar.tmux.TmuxQuote.sh(sidebarScript),
                painter::opened,
                log);
        this.peeks = new PeekFeed(tmux, panes, scheduler, loop);
        this.actions = new SidebarActions(tmux, core, loop, log, painter::model, agents, machines, lifetimes);
        this.input = new SidebarInput(tmux, loop, painter, actions, machines, peeks);
        this.gitInfo = new GitInfo(g -> loop.execute(() -> painter.setGit(g)));
    }

    /**
     * Shows session {@code session} of tmux server {@code server} on machine {@code host} to the client
     * on {@code clientTty}, in the local window that is attached to it (opened if need be; on the loop).
     */
    public void openRemote(String host, String server, String session, String pane, String clientTty) {
        actions.openRemote(
                new dev.muxbar.sidebar.view.Command.OpenRemote(host, server, session, pane),
                window -> tmux.send(dev.muxbar.tmux.Commands.switchClient(clientTty, window)));
    }

    /**
     * A desktop notification through the terminal of whoever views {@code windowId} (on the loop): its
     * sidebar writes the OSC {@code format} in tmux's passthrough wrapper between two frames. False
     * when that window has no open sidebar.
     */
    public boolean notifyTerminal(String windowId, String format, String title, String body) {
        TerminalNote note = TerminalNote.parse(format);
        Sidebar sidebar = note == null ? null : painter.inWindow(windowId);
        if (sidebar == null) {
            return false;
        }
        PaneScreen screen = sidebar.screen();
        String pane = sidebar.paneId();
        byte[] bytes = note.bytes(title, body);
        passthrough.retainAll(
                painter.describe().stream().map(SidebarPainter.Info::pane).toList()); // bounded by open sidebars
        if (passthrough.add(pane)) {
            // muxbar's own pane may pass escapes through; the bytes go once tmux has the option
            tmux.send(dev.muxbar.tmux.Commands.setPaneOption(pane, "allow-passthrough", "on"))
                    .whenComplete((v, err) -> screen.emit(bytes));
        } else {
            screen.emit(bytes); // between two frames
        }
        return true;
    }

    /** A key from a sidebar's tty (its reader thread). */
    private void onKey(String paneId, com.googlecode.lanterna.input.KeyStroke k) {
        input.onKey(paneId, k);
    }

    /** Shows a theme on every sidebar (on the loop): visible ones repaint now, the others when seen. */
    public void setTheme(Theme t) {
        painter.setTheme(t);
    }

    /** A new model (on the loop): a new snapshot or new sidebar choices are planned; the rest only painted. */
    public void onModel(Model m) {
        Model before = painter.model();
        if (before != null && before.snapshot() == m.snapshot() && sameLayout(before.choices(), m.choices())) {
            painter.update(m);
            painter.repaint();
            painter.animate();
            return;
        }
        plan(m);
    }

    private static boolean sameLayout(Choices a, Choices b) {
        return a.sidebars() == b.sidebars()
                && a.width() == b.width()
                && a.keptWidth() == b.keptWidth()
                && a.right() == b.right();
    }

    private void plan(Model m) {
        Snapshot s = m.snapshot();
        lifecycle.plan(s, m.choices(), painter.viewsOf(s).keySet(), painter.peeking());
        painter.sync(m, m.choices().sidebars());
        painter.repaint();
        painter.animate();
        gitInfo.update(activeCwds(s));
    }

    /**
     * Shows {@code text} in every sidebar's footer for a while (an event: the notice is part of the
     * model); false when no sidebar could show it.
     */
    public boolean notice(String text) {
        Model m = painter.model();
        if (m == null || !painter.canShowNotice(m.choices().sidebars())) {
            return false;
        }
        core.post(new Event.ShowNotice(text));
        return true;
    }

    /** The open sidebars, for {@code GET /sidebars} (on the loop). */
    public List<SidebarPainter.Info> describe() {
        return painter.describe();
    }

    static final int PAINT_THREADS = 2;

    /** Closes every tty (the panes stay: a restarted daemon re-adopts them). */
    public void close() {
        gitInfo.close();
        lifecycle.close();
        painter.close();
        hub.close();
        paintPool.shutdown();
    }

    /** Session id → working directory of its active window's active content pane. */
    private static Map<String, String> activeCwds(Snapshot s) {
        Map<String, String> out = new HashMap<>();
        for (Session session : s.sessions()) {
            session.windows().stream()
                    .filter(Window::active)
                    .findFirst()
                    .flatMap(w -> w.panes().stream()
                            .filter(p -> !p.sidebar())
                            .sorted(Comparator.comparing(p -> !p.active()))
                            .findFirst())
                    .filter(p -> !p.cwd().isEmpty())
                    .ifPresent(p -> out.put(session.id(), p.cwd()));
        }
        return out;
    }
}
