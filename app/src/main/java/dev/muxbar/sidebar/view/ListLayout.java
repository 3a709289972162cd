package dev.muxbar.sidebar.view;

import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.sidebar.render.DetailRows;
import java.util.List;

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
     * Where things go in a frame: cursor index, first shown session, rows of list and detail, and the
     * rows of the other machines' headings (below the list).
     */
    public record Layout(int cursor, int top, int listRows, int detailRows, boolean footer, int hostRows) {}

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
        int h = Math.max(1, in.height());
        int cursor = cursorIndex(shown, in.view(), in.ownSessionId());
        boolean footer = h >= 8;
        int rest = h - LIST_FIRST_ROW - (footer ? 1 : 0);
        int detailRows = cursor < 0 || h < 12
                ? 0
                : Math.min(
                        shown.get(cursor).windows().size()
                                + in.model().agentsOf(shown.get(cursor).id()).size()
                                + DetailRows.metaLines(
                                        in.model().metaOf(shown.get(cursor).id()))
                                + 1,
                        rest / 3);
        int hostRows = Math.min(hostLines(in.model()), Math.max(0, (rest - detailRows) / 3));
        int listRows = Math.max(0, rest - detailRows - hostRows);
        return new Layout(
                cursor,
                scrollTop(in.view().scroll(), cursor, listRows, shown.size()),
                listRows,
                detailRows,
                footer,
                hostRows);
    }

    /** Rows the other machines want: a heading each, and a row per session of theirs. */
    static int hostLines(Model m) {
        int n = 0;
        for (dev.muxbar.model.HostView h : m == null ? List.<dev.muxbar.model.HostView>of() : m.hosts()) {
            n += 1 + h.sessions().size();
        }
        return n;
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
