package dev.muxbar.sidebar;

import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Snapshot.Pane;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.model.Snapshot.Window;
import dev.muxbar.sidebar.view.WidthMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure lifecycle decisions: given what tmux has, which tmux actions keep exactly one healthy sidebar
 * of the right width in every window (or none when sidebars are off).
 */
public final class Planner {
    private Planner() {}

    /** Sidebars on or off, their width and edge. */
    public record Settings(boolean enabled, int width, boolean right) {
        public static final int MIN_WIDTH = WidthMode.MIN_WIDTH;
        public static final int MAX_WIDTH = WidthMode.MAX_WIDTH;
        public static final Settings DEFAULT = new Settings(true, 30, false);

        public Settings {
            width = WidthMode.clamp(width);
        }
    }

    /** One tmux action. */
    public sealed interface Action {
        /** Split a new sidebar off the full height of the window. */
        record Create(String windowId) implements Action {}
        /** Remove a duplicate, stale or (when off) any sidebar pane. */
        record Kill(String paneId, String why) implements Action {}
        /** Put a drifted sidebar back to the configured width. */
        record Resize(String paneId, int width) implements Action {}
        /** A window whose every pane is a sidebar: its content is gone, so is the window. */
        record CloseWindow(String windowId) implements Action {}
    }

    /**
     * A sidebar pane runs {@code sleep} (exec'd by scripts/sidebar-pane) or, for a moment, {@code sh}.
     * A marked pane running anything else (a shell restored by tmux-resurrect, a dead pane) is stale.
     * An unknown command (the process scan has not seen the pane yet) counts as healthy.
     */
    static boolean healthy(Pane p) {
        return p.command().isEmpty()
                || p.command().equals("sleep")
                || p.command().equals("sh");
    }

    /**
     * @param pendingCreates windows where a sidebar was asked for and is not in the snapshot yet
     * @param recentlyResized panes resized a moment ago (tmux may not have settled: no repeat, no loop)
     */
    public static List<Action> plan(
            Snapshot s, Settings settings, Set<String> pendingCreates, Set<String> recentlyResized) {
        List<Action> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Session session : s.sessions()) {
            for (Window w : session.windows()) {
                if (!seen.add(w.id())) {
                    continue; // a window linked into several sessions is handled once
                }
                planWindow(w, settings, pendingCreates, recentlyResized, out);
            }
        }
        return out;
    }

    private static void planWindow(
            Window w, Settings settings, Set<String> pending, Set<String> recentlyResized, List<Action> out) {
        List<Pane> sidebars = new ArrayList<>();
        int content = 0;
        for (Pane p : w.panes()) {
            if (p.sidebar()) {
                sidebars.add(p);
            } else {
                content++;
            }
        }
        if (content == 0 && !sidebars.isEmpty()) {
            out.add(new Action.CloseWindow(w.id()));
            return;
        }
        if (!settings.enabled()) {
            for (Pane p : sidebars) {
                out.add(new Action.Kill(p.id(), "sidebars are off"));
            }
            return;
        }
        Map<String, Pane> keep = new LinkedHashMap<>();
        for (Pane p : sidebars) {
            if (!healthy(p)) {
                out.add(new Action.Kill(p.id(), "stale: runs " + p.command()));
            } else if (!keep.isEmpty()) {
                out.add(new Action.Kill(p.id(), "duplicate"));
            } else {
                keep.put(p.id(), p);
            }
        }
        if (keep.isEmpty()) {
            // An excluded window (@muxbar-exclude: other plugins' helper windows) gets no new sidebar;
            // one it has already stays (the window may be excluded only for a moment).
            if (!pending.contains(w.id()) && !w.excluded()) {
                out.add(new Action.Create(w.id()));
            }
            return;
        }
        Pane sidebar = keep.values().iterator().next();
        // Repair width only when tmux can honour it: not zoomed, and room for a content column.
        boolean roomy = w.width() >= settings.width() + 2;
        if (sidebar.width() != settings.width() && !w.zoomed() && roomy && !recentlyResized.contains(sidebar.id())) {
            out.add(new Action.Resize(sidebar.id(), settings.width()));
        }
    }
}
