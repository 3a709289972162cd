package dev.muxbar.sidebar.render;

import dev.muxbar.model.HostView;
import dev.muxbar.model.RemoteSession;
import dev.muxbar.text.Cells;
import dev.muxbar.theme.Color;
import dev.muxbar.theme.Role;
import dev.muxbar.theme.Theme;

/** The other machines' rows below the session list: a heading per host, then its sessions. */
public final class HostRows {
    private HostRows() {}

    /**
     * A host's heading: its name and how its link is — {@code ── devbox up}, {@code ── gpu-1 down 3m},
     * {@code ── box needs login: ssh box}; {@code ▸} and its session count when {@code folded}.
     */
    public static Line heading(HostView h, boolean folded, boolean cursor, int w, Theme t, long now) {
        Color bg = cursor ? t.color(Role.CURSOR) : t.color(Role.BACKGROUND);
        Line.Builder b = new Line.Builder(w, bg);
        b.add(folded ? "─▸ " : "── ", t.color(Role.BORDER), bg, false)
                .add(h.name() + " ", t.color(Role.TEXT), bg, true);
        switch (h.state()) {
            case "up" -> b.add("up ", t.color(Role.DONE), bg, false);
            case "connecting" -> b.add("connecting ", t.color(Role.RUNNING), bg, false);
            case "stalled" ->
                b.add("stalled " + AgentView.age(now - h.since()) + " ", t.color(Role.WAITING), bg, false);
            case "needs-login" -> b.add("needs login: ssh " + h.name() + " ", t.color(Role.WAITING), bg, false);
            default -> b.add("down " + AgentView.age(now - h.since()) + " ", t.color(Role.ERROR), bg, false);
        }
        if (folded && !h.sessions().isEmpty()) {
            b.add("(" + h.sessions().size() + ") ", t.color(Role.MUTED), bg, false);
        }
        return b.add("─".repeat(Math.max(0, b.left())), t.color(Role.BORDER), bg, false)
                .build();
    }

    /**
     * A session on another machine, below its host's heading: its name, its agents' badges, its
     * windows; muted when the host is not reachable (the last state seen).
     */
    public static Line session(RemoteSession s, boolean up, boolean cursor, int w, Theme t, long now) {
        Color bg = cursor ? t.color(Role.CURSOR) : t.color(Role.BACKGROUND);
        Line.Builder b = new Line.Builder(w, bg, t.color(Role.TEXT));
        String counts = w >= 20 ? " " + s.windows() + "w " : " ";
        int badges = s.agents().isEmpty() ? 0 : 1 + AgentView.badgeWidth(s.agents());
        int name = Math.max(1, b.left() - 3 - badges - Cells.width(counts));
        b.add("   ", bg, bg, false);
        b.add(Cells.pad(s.name(), name), up ? t.color(Role.TEXT) : t.color(Role.MUTED), bg, false);
        if (!s.agents().isEmpty()) {
            b.add(" ", bg, bg, false);
            AgentView.badges(b, s.agents(), t, bg, now);
        }
        return b.add(counts, t.color(Role.MUTED), bg, false).build();
    }
}
