package dev.muxbar.sidebar.view;

import dev.muxbar.model.Agent;
import dev.muxbar.model.HostView;
import dev.muxbar.model.Model;
import dev.muxbar.model.RemoteSession;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.sidebar.render.DetailRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where the session list goes in a frame: which sessions it shows (the view's filter), the cursor's
 * row, the first row shown, and the rows of list and detail panel. Pure; the renderer draws what
 * this lays out, and keys and clicks find their session by it.
 */
public final class ListLayout {
    private ListLayout() {}

    /** Rows of the list start below the header and its rule. */
    public static final int LIST_FIRST_ROW = 2;

    /**
     * Where things go in a frame: cursor index (-1: none, or the cursor is on another machine's row),
     * first shown session, rows of list and detail, the rows of the other machines (below the list),
     * the other machines' row the cursor is on ({@code remote}, an index into {@link #remoteRows}; -1:
     * none), the first of them shown ({@code hostTop}), and those rows ({@code remoteRows}, laid out once
     * a frame).
     */
    public record Layout(
            int cursor,
            int top,
            int listRows,
            int detailRows,
            boolean footer,
            int hostRows,
            int remote,
            int hostTop,
            List<RemoteRow> remoteRows) {}

    /**
     * A row of the other machines' part of the list: a host's heading ({@code session} null), or one of
     * its sessions. {@link #key} names it in a {@link View} (remote names hold no control characters).
     */
    public record RemoteRow(HostView host, RemoteSession session) {
        public String key() {
            return session == null ? host.name() : host.name() + "\n" + session.server() + "\n" + session.name();
        }
    }

    /** The other machines' rows: each host's heading, then its sessions unless {@code folded}. */
    public static List<RemoteRow> remoteRows(Model m, Set<String> folded) {
        List<RemoteRow> out = new ArrayList<>();
        for (HostView h : m == null ? List.<HostView>of() : m.hosts()) {
            out.add(new RemoteRow(h, null));
            if (!folded.contains(h.name())) {
                h.sessions().forEach(s -> out.add(new RemoteRow(h, s)));
            }
        }
        return out;
    }

    /** The position of the row named {@code key} in {@code rows}, or -1. */
    public static int remoteIndex(List<RemoteRow> rows, String key) {
        if (key.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The position of session {@code id} in {@code shown}, or -1. */
    public static int indexOf(List<Session> shown, String id) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The sessions the list shows: the model's order, narrowed by the view's filter. */
    public static List<Session> shown(Renderer.Input in) {
        if (in.model() == null) {
            return List.of();
        }
        Model m = in.model();
        return switch (in.view().filter()) {
            case ALL -> m.shown();
            case AGENTS ->
                m.shown().stream().filter(s -> !m.agentsOf(s.id()).isEmpty()).toList();
            case ATTENTION ->
                m.shown().stream()
                        .filter(s -> m.agentsOf(s.id()).stream().anyMatch(Agent::needsAttention))
                        .toList();
        };
    }

    public static Layout layout(Renderer.Input in) {
        List<Session> shown = shown(in);
        List<RemoteRow> remote = remoteRows(in.model(), in.view().folded());
        int at = remoteIndex(remote, in.view().remote());
        int h = Math.max(1, in.height());
        int cursor = at >= 0 ? -1 : cursorIndex(shown, in.view(), in.ownSessionId());
        boolean footer = h >= 8;
        int rest = h - LIST_FIRST_ROW - (footer ? 1 : 0);
        int detailRows = h < 12 ? 0 : Math.min(detailWants(in, shown, cursor, remote, at), rest / 3);
        // The other machines take a third of what is left, half while the cursor is among them.
        int hostRows = Math.min(remote.size(), Math.max(0, (rest - detailRows) / (at >= 0 ? 2 : 3)));
        int listRows = Math.max(0, rest - detailRows - hostRows);
        return new Layout(
                cursor,
                scrollTop(in.view().scroll(), cursor, listRows, shown.size()),
                listRows,
                detailRows,
                footer,
                hostRows,
                at,
                scrollTop(0, at, hostRows, remote.size()),
                remote);
    }

    /**
     * Rows the detail panel wants: a rule, the selected session's meta, agents (the selected one's usage
     * under it) and windows (a remote one: its agents).
     */
    private static int detailWants(Renderer.Input in, List<Session> shown, int cursor, List<RemoteRow> remote, int at) {
        if (at >= 0) {
            RemoteSession s = remote.get(at).session();
            return s == null || s.agents().isEmpty() ? 0 : s.agents().size() + 1;
        }
        if (cursor < 0) {
            return 0;
        }
        Session s = shown.get(cursor);
        List<dev.muxbar.model.Agent> agents = in.model().agentsOf(s.id());
        int a = in.view().agent();
        boolean figures = a >= 0 && a < agents.size() && in.model().usageOf(agents.get(a)) != null;
        return s.windows().size()
                + agents.size()
                + (figures ? 2 : 0) // the selected agent's model, context bar and tokens (UsageLines.agent)
                + in.model().resumableIn(s.name()).size()
                + DetailRows.metaLines(in.model().metaOf(s.id()))
                + 1;
    }

    /** The other machines' row the cursor is on, if it is on one. */
    public static RemoteRow remoteAt(Renderer.Input in) {
        Layout l = layout(in);
        return l.remote() < 0 ? null : l.remoteRows().get(l.remote());
    }

    /** The index (in shown order) of the session drawn on {@code row}, or -1. */
    public static int sessionAt(Renderer.Input in, int row) {
        Layout l = layout(in);
        int i = l.top() + row - LIST_FIRST_ROW;
        return row >= LIST_FIRST_ROW
                        && row < LIST_FIRST_ROW + l.listRows()
                        && i < shown(in).size()
                ? i
                : -1;
    }

    /** The other machines' row drawn on screen row {@code row}, or null. */
    public static RemoteRow remoteRowAt(Renderer.Input in, int row) {
        Layout l = layout(in);
        int first = LIST_FIRST_ROW + l.listRows();
        return row >= first && row < first + l.hostRows() ? l.remoteRows().get(l.hostTop() + row - first) : null;
    }

    /** The cursor's row: the view's session if still shown, else this window's session, else the top. */
    public static int cursorIndex(List<Session> shown, View view, String own) {
        int fallback = shown.isEmpty() ? -1 : 0;
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).id().equals(view.cursorSessionId())) {
                return i;
            }
            if (shown.get(i).id().equals(own)) {
                fallback = i;
            }
        }
        return fallback;
    }

    /** The first shown row: the view's scroll, moved just enough to keep the cursor visible. */
    public static int scrollTop(int scroll, int cursor, int rows, int total) {
        if (rows <= 0) {
            return 0;
        }
        int top = Math.max(0, Math.min(scroll, Math.max(0, total - rows)));
        if (cursor >= 0 && cursor < top) {
            top = cursor;
        } else if (cursor >= top + rows) {
            top = cursor - rows + 1;
        }
        return top;
    }
}
