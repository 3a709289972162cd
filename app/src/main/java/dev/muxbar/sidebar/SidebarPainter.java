package dev.muxbar.sidebar;

import com.googlecode.lanterna.input.KeyStroke;
import dev.muxbar.model.Model;
import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Snapshot.Pane;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.model.Snapshot.Window;
import dev.muxbar.sidebar.pane.PaneScreen;
import dev.muxbar.sidebar.render.AgentView;
import dev.muxbar.sidebar.render.GitMark;
import dev.muxbar.sidebar.view.Renderer;
import dev.muxbar.theme.Theme;
import dev.muxbar.theme.ThemeChoices;
import dev.muxbar.theme.Xterm256;
import dev.muxbar.tmux.Commands;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * The open sidebars' ttys: opens one for every healthy sidebar pane in the model (and for one tmux
 * just made), closes those that went, and paints the ones someone can see — on every model (the
 * notice is part of it), on the animation timer while agents work, and when the theme or git marks
 * change. A sidebar
 * nobody sees is painted when it becomes visible. On the loop only.
 */
public final class SidebarPainter {

    /** How long a sidebar opened from split-window's reply may wait for a snapshot to show it marked. */
    static final long FRESH_MS = SidebarLifecycle.PENDING_MS;
    /** Ages ("3m") tick while agents only wait or idle: a repaint every few seconds is enough. */
    static final long AGE_REPAINT_MS = 5_000;

    /** Opens a sidebar pane's tty; keys and the tty's end are reported through the callbacks. */
    public interface Opener {
        PaneScreen open(
                String paneId,
                String tty,
                int width,
                int height,
                java.util.function.Consumer<KeyStroke> keys,
                Runnable gone);
    }

    private final Scheduler scheduler;
    private final Executor loop;
    private final ThemeChoices themes;
    private final Opener opener;
    private final BiConsumer<String, KeyStroke> onKey;
    private final Map<String, Sidebar> open = new HashMap<>();
    private final Map<String, Long> fresh = new HashMap<>(); // opened from split-window's reply: pane id → since
    private Model model;
    private Theme theme;
    private Theme theme256; // the same theme for clients without true colour
    private List<Theme> choices = List.of();
    private Snapshot viewsFor;
    private Map<String, Session> views = Map.of();
    private Set<String> lowColour = Set.of();
    private Map<String, GitMark> git = Map.of();
    private Scheduler.Cancellable animation;
    private long animationPeriod;

    /** @param onKey a key from a sidebar's tty, on that tty's reader thread */
    public SidebarPainter(
            Scheduler scheduler,
            Executor loop,
            ThemeChoices themes,
            Opener opener,
            BiConsumer<String, KeyStroke> onKey) {
        this.scheduler = scheduler;
        this.loop = loop;
        this.themes = themes;
        this.opener = opener;
        this.onKey = onKey;
        setTheme(themes.current());
    }

    public Model model() {
        return model;
    }

    /** A model with the same snapshot as the last (agents or order changed): nothing to open or close. */
    void update(Model m) {
        model = m;
    }

    /** A new model: the sidebars to open and close follow it when {@code enabled}; nothing is painted yet. */
    public void sync(Model m, boolean enabled) {
        model = m;
        Map<String, Window> windowOf = new HashMap<>();
        Map<String, Pane> panes = new HashMap<>();
        for (Session session : m.snapshot().sessions()) {
            for (Window w : session.windows()) {
                for (Pane p : w.panes()) {
                    if (p.sidebar() && Planner.healthy(p) && enabled) {
                        windowOf.putIfAbsent(p.id(), w);
                        panes.putIfAbsent(p.id(), p);
                    }
                }
            }
        }
        long now = scheduler.now();
        fresh.keySet().removeAll(panes.keySet()); // now seen marked
        fresh.values().removeIf(t -> now - t > FRESH_MS);
        open.entrySet().removeIf(e -> {
            if (!panes.containsKey(e.getKey()) && !fresh.containsKey(e.getKey())) {
                e.getValue().close();
                return true;
            }
            return false;
        });
        for (Pane p : panes.values()) {
            open(p.id(), p.tty(), p.width(), p.height())
                    .place(windowOf.get(p.id()).id(), p.width(), p.height());
        }
    }

    /** A sidebar tmux just made: open and paint it now, not after the next refresh. */
    public void opened(String windowId, Commands.NewPane p) {
        fresh.put(p.id(), scheduler.now());
        Sidebar sidebar = open(p.id(), p.tty(), p.width(), p.height());
        sidebar.place(windowId, p.width(), p.height());
        Session own = model == null ? null : viewsOf(model.snapshot()).get(windowId);
        if (own != null) {
            paint(sidebar, own.id());
        }
    }

    /** Shows a theme on every sidebar: visible ones repaint now, the others when seen. */
    public void setTheme(Theme t) {
        theme = t;
        theme256 = Xterm256.map(t);
        repaint();
    }

    /** Git branch and dirty mark per session id. */
    public void setGit(Map<String, GitMark> g) {
        git = g;
        repaint();
    }

    /** Whether a notice would be seen: sidebars are on and some are open. */
    public boolean canShowNotice(boolean enabled) {
        return enabled && !open.isEmpty() && model != null;
    }

    /** Repaints the visible sidebars from the current model. */
    public void repaint() {
        if (model == null) {
            return;
        }
        Map<String, Session> viewed = viewsOf(model.snapshot());
        for (Sidebar sidebar : open.values()) {
            Session own = viewed.get(sidebar.windowId());
            if (own != null) {
                paint(sidebar, own.id());
            }
        }
    }

    /**
     * Spinners of working agents turn ten times a second and ages tick: repaint the visible
     * sidebars on a timer while there are agents and someone sees a sidebar (the painter writes only
     * the rows that changed). Re-decided on every model; clients attaching or leaving are models too.
     */
    public void animate() {
        if (model == null) {
            return;
        }
        Map<String, Session> viewed = viewsOf(model.snapshot());
        boolean visible = open.values().stream().anyMatch(x -> viewed.containsKey(x.windowId()));
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

    /** The open sidebar in a window, or null. */
    Sidebar inWindow(String windowId) {
        for (Sidebar sidebar : open.values()) {
            if (windowId.equals(sidebar.windowId())) {
                return sidebar;
            }
        }
        return null;
    }

    /** The open sidebar of a pane, or null. */
    Sidebar sidebar(String paneId) {
        return open.get(paneId);
    }

    /** The sidebars that peek now (their width is the peek's). */
    java.util.Set<String> peeking() {
        java.util.Set<String> out = new java.util.HashSet<>();
        open.values().stream().filter(Sidebar::peeking).forEach(x -> out.add(x.paneId()));
        return out;
    }

    /** Paints {@code sidebar}, whose window is viewed through {@code ownSessionId}. */
    void paint(Sidebar sidebar, String ownSessionId) {
        sidebar.paint(input(sidebar, ownSessionId)); // rendered on the paint pool
    }

    /** What one sidebar's frame is made from; 256 colours when a client without true colour views it. */
    Renderer.Input input(Sidebar sidebar, String ownSessionId) {
        viewsOf(model.snapshot());
        boolean low = lowColour.contains(sidebar.windowId());
        return new Renderer.Input(
                model,
                low ? theme256 : theme,
                sidebar.view(),
                ownSessionId,
                sidebar.width(),
                sidebar.height(),
                git,
                scheduler.now(),
                model.choices().notice(),
                choices);
    }

    /** Re-reads the themes to choose from (the picker lists them). */
    void refreshChoices() {
        choices = themes.all();
    }

    /**
     * Windows someone views → the session they view it through, for this snapshot. Models that only
     * change agents keep their snapshot, so under an event burst this is worked out once.
     */
    Map<String, Session> viewsOf(Snapshot s) {
        if (s != viewsFor) {
            viewsFor = s;
            views = s.viewedWindows();
            lowColour = s.windowsViewedWithoutRgb();
        }
        return views;
    }

    /** Closes every tty (the panes stay: a restarted daemon re-adopts them). */
    public void close() {
        fresh.clear();
        if (animation != null) {
            animation.cancel();
        }
        open.values().forEach(Sidebar::close);
        open.clear();
    }

    /** One open sidebar, for {@code GET /sidebars}. */
    public record Info(
            String pane,
            String tty,
            String window,
            int width,
            int height,
            long paints,
            long lastPaintBytes,
            long ignoredKeys,
            String peek,
            long peekReads) {}

    /** Each open sidebar, with what it peeks at (the agent's pane or null) and how often that pane was read. */
    public List<Info> describe() {
        List<Info> out = new ArrayList<>();
        for (Sidebar x : open.values()) {
            PaneScreen screen = x.screen();
            out.add(new Info(
                    x.paneId(),
                    screen.tty(),
                    x.windowId(),
                    x.width(),
                    x.height(),
                    screen.paints(),
                    screen.bytesWritten(),
                    x.ignoredKeys(),
                    x.peekTarget(),
                    x.peekReads()));
        }
        out.sort(Comparator.comparing(Info::pane));
        return out;
    }

    /** The open sidebar of a pane, opened now if it is not (its tty at the size tmux gave it). */
    private Sidebar open(String paneId, String tty, int width, int height) {
        return open.computeIfAbsent(
                paneId,
                id -> new Sidebar(opener.open(
                        id, tty, width, height, k -> onKey.accept(id, k), () -> loop.execute(() -> gone(id)))));
    }

    private void gone(String paneId) {
        Sidebar sidebar = open.remove(paneId);
        if (sidebar != null) {
            sidebar.close();
        }
    }
}
