package dev.muxbar.sidebar;

import com.googlecode.lanterna.input.KeyStroke;
import dev.muxbar.model.Model;
import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Snapshot.Pane;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.model.Snapshot.Window;
import dev.muxbar.model.Snapshot;
import dev.muxbar.state.Core;
import dev.muxbar.state.Event;
import dev.muxbar.theme.Theme;
import dev.muxbar.theme.Xterm256;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.Formats;
import dev.muxbar.tmux.TmuxCommand;
import dev.muxbar.tmux.TmuxGateway;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Keeps the sidebars: plans and runs their tmux lifecycle, opens and closes each one's tty, paints
 * the visible ones on every model, and acts on their keys. Runs on the event loop only; tmux replies
 * and key events are posted back to it.
 */
public final class SidebarService {

    /** How long a requested sidebar may take to show up in the model before it is asked for again. */
    static final long PENDING_MS = 3_000;
    /** After a resize, give tmux this long to settle before judging the width again (never a loop). */
    static final long SETTLE_MS = 500;

    private final TmuxGateway tmux;
    private final Core core;
    private final Scheduler scheduler;
    private final Executor loop;
    private Theme theme;
    /** The theme mapped to xterm's 256 colours, for windows a client without true colour views. */
    private Theme theme256;
    private final ThemeChoices themes;
    /** The picker's list as of the last key (the theme service keeps it current; it costs nothing). */
    private List<Theme> choices = List.of();
    /** Who views which window, and which of those windows a client without true colour sees, for {@link #viewsOf}. */
    private Snapshot viewsFor;
    private Map<String, Session> views = Map.of();
    private java.util.Set<String> lowColour = java.util.Set.of();
    private final String paneCommand;
    private final SidebarStore store;
    private final Consumer<String> log;
    private final Map<String, Long> pendingCreates = new HashMap<>();
    private final Map<String, Long> resizedAt = new HashMap<>();
    private final Map<String, Entry> open = new HashMap<>();
    /** Sidebars opened from split-window's reply before the model shows them marked: pane id → since. */
    private final Map<String, Long> fresh = new HashMap<>();
    private final Keys keys = new Keys();
    private final SidebarActions actions;
    private Planner.Settings settings;
    private Model model;
    private Scheduler.Cancellable recheck;
    private Scheduler.Cancellable animation;
    private long animationPeriod;
    /** How long an attention notice stays in the footer. */
    static final long NOTICE_MS = 5_000;
    private String notice; // shown until noticeTimer clears it
    private Scheduler.Cancellable noticeTimer;

    /** Ages in the detail panel move on even when nothing else changes. */
    static final long AGE_REPAINT_MS = 5_000;
    private final GitInfo gitInfo;
    private Map<String, GitInfo.Git> git = Map.of();

    /** Loop-owned state of one open sidebar. */
    private static final class Entry {
        SidebarPane pane;
        View view = View.INITIAL;
        String windowId;
        int width;
        int height;
        long ignoredKeys; // keys that arrived while the sidebar was not the active pane of a viewed window
    }

    public SidebarService(TmuxGateway tmux, Core core, Scheduler scheduler, Executor loop, ThemeChoices themes,
                          String sidebarScript, Path settingsFile, Planner.Settings defaults, Consumer<String> log) {
        this.tmux = tmux;
        this.core = core;
        this.scheduler = scheduler;
        this.loop = loop;
        this.themes = themes;
        this.theme = themes.current();
        this.theme256 = Xterm256.map(theme);
        this.paneCommand = "exec \"" + sidebarScript + "\"";
        this.store = new SidebarStore(settingsFile, log);
        this.settings = store.load(defaults);
        this.log = log;
        this.actions = new SidebarActions(tmux, core, loop, log, () -> model, this::setWidth, themes);
        this.gitInfo = new GitInfo(g -> loop.execute(() -> {
            git = g;
            repaint();
        }));
    }

    /** Shows a theme on every sidebar (on the loop): visible ones repaint now, the others when seen. */
    public void setTheme(Theme t) {
        theme = t;
        theme256 = Xterm256.map(t);
        repaint();
    }

    public Planner.Settings settings() {
        return settings;
    }

    /**
     * A new model (on the loop). When only agents or the order changed (the same snapshot), the
     * sidebars are repainted without planning their lifecycle again.
     */
    public void onModel(Model m) {
        boolean sameTmux = model != null && model.snapshot() == m.snapshot();
        model = m;
        if (sameTmux) {
            repaint();
            animate();
            return;
        }
        plan(m);
    }

    /** Plans and runs the sidebars' lifecycle for this model, then paints. */
    private void plan(Model m) {
        model = m;
        long now = scheduler.now();
        Snapshot s = m.snapshot();
        pendingCreates.keySet().removeAll(windowsWithSidebar(s)); // arrived
        pendingCreates.values().removeIf(t -> now - t > PENDING_MS); // lost: ask again
        resizedAt.values().removeIf(t -> now - t > SETTLE_MS);
        Map<String, Session> viewed = viewsOf(s);
        List<Planner.Action> actions = new ArrayList<>(
                Planner.plan(s, settings, pendingCreates.keySet(), resizedAt.keySet()));
        // Windows someone is looking at first (toggling on restores the current window first).
        actions.sort(Comparator.comparing(a -> !(a instanceof Planner.Action.Create c && viewed.containsKey(c.windowId()))));
        for (Planner.Action a : actions) {
            execute(a, now);
        }
        syncPanes(s);
        paintVisible(viewed);
        animate();
        gitInfo.update(activeCwds(s));
        if (!pendingCreates.isEmpty() && recheck == null) {
            // If a requested sidebar never shows up, nothing else would call onModel again.
            recheck = scheduler.schedule(PENDING_MS + 1, () -> {
                recheck = null;
                if (model != null) {
                    plan(model);
                }
            });
        }
    }

    /** Session id → working directory of its active window's active content pane. */
    private static Map<String, String> activeCwds(Snapshot s) {
        Map<String, String> out = new HashMap<>();
        for (Session session : s.sessions()) {
            session.windows().stream().filter(Window::active).findFirst()
                    .flatMap(w -> w.panes().stream().filter(p -> !p.sidebar())
                            .sorted(Comparator.comparing(p -> !p.active())).findFirst())
                    .filter(p -> !p.cwd().isEmpty())
                    .ifPresent(p -> out.put(session.id(), p.cwd()));
        }
        return out;
    }

    private static java.util.Set<String> windowsWithSidebar(Snapshot s) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Session session : s.sessions()) {
            for (Window w : session.windows()) {
                if (w.panes().stream().anyMatch(Pane::sidebar)) {
                    out.add(w.id());
                }
            }
        }
        return out;
    }

    /** Sidebars on, off, or (null) flipped; persisted. */
    public void toggle(Boolean on) {
        boolean next = on == null ? !settings.enabled() : on;
        settings = new Planner.Settings(next, settings.width(), settings.right());
        pendingCreates.clear();
        try {
            store.save(settings);
        } catch (IOException e) {
            log.accept("cannot save sidebar settings: " + e);
        }
        if (model != null) {
            plan(model);
        }
    }

    private void execute(Planner.Action a, long now) {
        if (a instanceof Planner.Action.Create c) {
            pendingCreates.put(c.windowId(), now);
            tmux.send(Commands.splitEdge(c.windowId(), settings.right(), settings.width(), paneCommand))
                    .whenComplete((pane, err) -> loop.execute(() -> created(c.windowId(), pane, err)));
        } else if (a instanceof Planner.Action.Kill k) {
            log.accept("removing sidebar " + k.paneId() + " (" + k.why() + ")");
            changeLayout(Commands.killPane(k.paneId()));
        } else if (a instanceof Planner.Action.Resize r) {
            resizedAt.put(r.paneId(), now);
            changeLayout(Commands.resizePaneWidth(r.paneId(), r.width()));
        } else if (a instanceof Planner.Action.CloseWindow w) {
            log.accept("closing window " + w.windowId() + ": only a sidebar was left");
            changeLayout(Commands.killWindow(w.windowId()));
        }
    }

    private void created(String windowId, Optional<Commands.NewPane> pane, Throwable err) {
        if (err != null || pane == null || pane.isEmpty()) {
            pendingCreates.remove(windowId);
            log.accept("cannot create a sidebar in " + windowId + ": " + (err == null ? "no pane id" : err.getMessage()));
            return;
        }
        // Open and paint the new sidebar now, not after the next refresh.
        Commands.NewPane p = pane.get();
        String paneId = p.id();
        if (settings.enabled()) {
            fresh.put(paneId, scheduler.now());
            Entry entry = openEntry(paneId, p.tty(), p.width(), p.height());
            entry.windowId = windowId;
            Session own = viewsOf(model.snapshot()).get(windowId);
            if (own != null) {
                paint(entry, own.id());
            }
        }
        // A pane option changes no notification: ask for the panes part once the marker is set.
        tmux.send(Commands.setPaneOption(paneId, "@muxbar-sidebar", "1"))
                .whenComplete((r, e) -> core.post(new Event.Refresh(EnumSet.of(Formats.Part.PANES))));
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private Entry openEntry(String paneId, String tty, int width, int height) {
        Entry entry = open.computeIfAbsent(paneId, id -> {
            Entry n = new Entry();
            n.pane = new SidebarPane(id, tty, width, height, k -> onKey(id, k), () -> loop.execute(() -> gone(id)));
            return n;
        });
        entry.width = width;
        entry.height = height;
        return entry;
    }

    /**
     * Runs a command that changes windows or panes and asks for their refresh at once: tmux does not
     * notify layout changes outside the control client's session (the subscription would, within ~1 s).
     */
    private void changeLayout(TmuxCommand<Void> command) {
        tmux.send(command).whenComplete((r, e) -> {
            if (e != null) {
                log.accept(command.line() + ": " + e.getMessage());
            }
            core.post(new Event.Refresh(EnumSet.of(Formats.Part.WINDOWS, Formats.Part.PANES)));
        });
    }

    private void fireAndForget(TmuxCommand<Void> command) {
        tmux.send(command).whenComplete((r, e) -> {
            if (e != null) {
                log.accept(command.line() + ": " + e.getMessage());
            }
        });
    }

    /** Opens sidebars that appeared, closes those that went away, notes sizes. */
    private void syncPanes(Snapshot s) {
        Map<String, Window> windowOf = new HashMap<>();
        Map<String, Pane> panes = new HashMap<>();
        for (Session session : s.sessions()) {
            for (Window w : session.windows()) {
                for (Pane p : w.panes()) {
                    if (p.sidebar() && Planner.healthy(p) && settings.enabled()) {
                        windowOf.putIfAbsent(p.id(), w);
                        panes.putIfAbsent(p.id(), p);
                    }
                }
            }
        }
        long now = scheduler.now();
        fresh.keySet().removeAll(panes.keySet()); // now seen marked
        fresh.values().removeIf(t -> now - t > PENDING_MS);
        open.entrySet().removeIf(e -> {
            if (!panes.containsKey(e.getKey()) && !fresh.containsKey(e.getKey())) {
                e.getValue().pane.close();
                return true;
            }
            return false;
        });
        for (Pane p : panes.values()) {
            openEntry(p.id(), p.tty(), p.width(), p.height()).windowId = windowOf.get(p.id()).id();
        }
    }

    private void gone(String paneId) {
        Entry e = open.remove(paneId);
        if (e != null) {
            e.pane.close();
        }
    }

    /**
     * Spinners of working agents turn ten times a second and ages tick: repaint the visible
     * sidebars on a timer while there are agents and someone sees a sidebar (the painter writes only
     * the rows that changed). Re-decided on every model; clients attaching or leaving are models too.
     */
    private void animate() {
        Map<String, Session> viewed = viewsOf(model.snapshot());
        boolean visible = open.values().stream().anyMatch(e -> viewed.containsKey(e.windowId));
        boolean busy = model.agents().stream().anyMatch(a -> a.status().busy());
        long period = !visible || model.agents().isEmpty() ? 0 : busy ? AgentView.FRAME_MS : AGE_REPAINT_MS;
        if (period == animationPeriod) {
            return;
        }
        if (animation != null) {
            animation.cancel();
        }
        animationPeriod = period;
        animation = period == 0 ? null : scheduler.every(period, this::repaint);
    }

    /**
     * Shows {@code text} in the footer of every sidebar for {@link #NOTICE_MS} (on the loop); false
     * when no sidebar is open to show it.
     */
    public boolean notice(String text) {
        if (!settings.enabled() || open.isEmpty() || model == null) {
            return false;
        }
        notice = text;
        if (noticeTimer != null) {
            noticeTimer.cancel();
        }
        noticeTimer = scheduler.schedule(NOTICE_MS, () -> {
            notice = null;
            noticeTimer = null;
            repaint();
        });
        repaint();
        return true;
    }

    /** Repaints the visible sidebars from the current model (time or the notice changed, not tmux). */
    private void repaint() {
        if (model != null) {
            paintVisible(viewsOf(model.snapshot()));
        }
    }

    /** Paints sidebars someone can see; the others are painted when they become visible. */
    private void paintVisible(Map<String, Session> viewed) {
        for (Entry e : open.values()) {
            Session own = viewed.get(e.windowId);
            if (own != null) {
                paint(e, own.id());
            }
        }
    }

    private void paint(Entry e, String ownSessionId) {
        e.pane.show(new SidebarPane.Frame(input(e, ownSessionId))); // rendered by the pane's writer
    }

    /**
     * A key or mouse action from a sidebar's tty, on its reader thread. Only a sidebar that is the
     * active pane of a window someone views takes keys. The model may be a moment behind (tmux does not
     * notify a pane selection outside the control client's session), so tmux is asked right away, from
     * this thread; replies come in order, so keys are handled in the order they were typed. (A key that
     * reaches a sidebar an instant before it is selected can still pass: the answer is after the key.)
     */
    private void onKey(String paneId, KeyStroke k) {
        tmux.send(Commands.paneFocus(paneId))
                .whenComplete((focus, err) -> loop.execute(() -> {
                    if (err == null && focus.isPresent() && focus.get().active()) {
                        act(paneId, focus.get().windowId(), k);
                    } else {
                        Entry e = open.get(paneId);
                        if (e != null) {
                            e.ignoredKeys++;
                        }
                    }
                }));
    }

    private void act(String paneId, String windowId, KeyStroke k) {
        Entry e = open.get(paneId);
        if (e == null || model == null) {
            return;
        }
        Snapshot s = model.snapshot();
        Session own = viewsOf(s).get(windowId);
        if (own == null) {
            e.ignoredKeys++; // nobody looks at this window
            return;
        }
        choices = themes.all();
        Keys.Result r = keys.handle(input(e, own.id()), k);
        e.view = r.view();
        for (Command c : r.commands()) {
            actions.run(c, s, own, windowId);
        }
        paint(e, own.id());
    }

    /**
     * Windows someone views → the session they view it through, for this snapshot. Models that only
     * change agents keep their snapshot, so under an event burst this is worked out once, not per
     * model and sidebar.
     */
    private Map<String, Session> viewsOf(Snapshot s) {
        if (s != viewsFor) {
            viewsFor = s;
            views = s.viewedWindows();
            lowColour = s.windowsViewedWithoutRgb();
        }
        return views;
    }

    /** What one sidebar's frame is made from; 256 colours when a client without true colour views it. */
    private Renderer.Input input(Entry e, String ownSessionId) {
        viewsOf(model.snapshot());
        boolean low = lowColour.contains(e.windowId);
        return new Renderer.Input(model, low ? theme256 : theme, e.view, ownSessionId, e.width, e.height, git,
                scheduler.now(), notice, choices);
    }

    /** Every sidebar to a new width, live; {@code keep} saves it and tells tmux ({@code @muxbar-width}). */
    private void setWidth(int width, boolean keep) {
        settings = new Planner.Settings(settings.enabled(), width, settings.right());
        resizedAt.clear();
        if (keep) {
            try {
                store.save(settings);
            } catch (IOException ex) {
                log.accept("cannot save sidebar settings: " + ex);
            }
            fireAndForget(Commands.setGlobalOption("@muxbar-width", String.valueOf(settings.width())));
        }
        if (model != null) {
            plan(model);
        }
    }

    /** Closes every tty (the panes stay: a restarted daemon re-adopts them). */
    public void close() {
        gitInfo.close();
        fresh.clear();
        if (recheck != null) {
            recheck.cancel();
        }
        if (animation != null) {
            animation.cancel();
        }
        if (noticeTimer != null) {
            noticeTimer.cancel();
        }
        for (Entry e : open.values()) {
            e.pane.close();
        }
        open.clear();
    }

    /** One open sidebar, for {@code GET /sidebars}. */
    public record Info(String pane, String tty, String window, int width, int height, long paints, long lastPaintBytes,
                       long ignoredKeys) {}

    /** The open sidebars (on the loop). */
    public List<Info> describe() {
        List<Info> out = new ArrayList<>();
        for (Entry e : open.values()) {
            out.add(new Info(e.pane.paneId, e.pane.tty, e.windowId, e.width, e.height, e.pane.paints(),
                    e.pane.bytesWritten(), e.ignoredKeys));
        }
        out.sort(Comparator.comparing(Info::pane));
        return out;
    }
}
