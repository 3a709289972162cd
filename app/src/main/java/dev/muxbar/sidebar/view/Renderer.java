package dev.muxbar.sidebar.view;

import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.sidebar.render.AgentView;
import dev.muxbar.sidebar.render.DetailRows;
import dev.muxbar.sidebar.render.GitMark;
import dev.muxbar.sidebar.render.HostRows;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.sidebar.render.SessionRows;
import dev.muxbar.sidebar.render.UsageLines;
import dev.muxbar.text.Cells;
import dev.muxbar.theme.Color;
import dev.muxbar.theme.Role;
import dev.muxbar.theme.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pure function from state to a sidebar frame: exactly {@code height} lines of exactly
 * {@code width} cells.
 *
 * <pre>
 *  muxbar        3 sessions     header
 * ────────────────────────────  separator
 * ▎1 work               2w      the session this window belongs to ("current")
 *  2 notes & ideas      1w      cursor row (own background)
 *  3 api                1w
 * ── notes & ideas ──────────   detail panel: the cursor row's windows
 *   0 editor *                  (* = the session's active window)
 *  ? help  ↵ switch             footer
 * </pre>
 */
public final class Renderer {
    private Renderer() {}

    /**
     * Everything one frame depends on. {@code ownSessionId}: the session of the sidebar's window;
     * {@code git}: branch and dirty mark by session id (may be empty); {@code now}: scheduler
     * milliseconds (spinners, ages); {@code notice}: an attention message for the footer, or null.
     */
    public record Input(
            Model model,
            Theme theme,
            View view,
            String ownSessionId,
            int width,
            int height,
            Map<String, GitMark> git,
            long now,
            String notice,
            List<Theme> themes) {
        public Input(Model model, Theme theme, View view, String ownSessionId, int width, int height) {
            this(model, theme, view, ownSessionId, width, height, Map.of(), 0, null, List.of());
        }

        /** The same frame with another view (key handling looks ahead). */
        public Input with(View v) {
            return new Input(model, theme, v, ownSessionId, width, height, git, now, notice, themes);
        }
    }

    /** Smallest size drawn in full; below it the frame is blank rather than garbage. */
    public static final int MIN_WIDTH = 8;

    public static List<Line> render(Input in) {
        return render(in, null);
    }

    /**
     * The frame, taking over from {@code rows} (a painter's last frame; null: none) every session row
     * drawn from the same inputs.
     */
    public static List<Line> render(Input in, SessionRows rows) {
        int w = Math.max(1, in.width());
        int h = Math.max(1, in.height());
        Theme t = in.theme();
        Color bg = t.color(Role.BACKGROUND);
        List<Line> out = new ArrayList<>(h);
        if (w < MIN_WIDTH || h < 3) {
            while (out.size() < h) {
                out.add(new Line.Builder(w, bg).build());
            }
            return out;
        }
        List<Session> shown = ListLayout.shown(in);
        ListLayout.Layout layout = ListLayout.layout(in);
        int cursor = layout.cursor();
        int listRows = layout.listRows();
        int top = layout.top();
        Session selected = cursor < 0 ? null : shown.get(cursor);
        int detailRows = layout.detailRows();
        int hostRows = layout.hostRows();
        boolean footer = layout.footer();

        Line.Builder header = new Line.Builder(w, bg).add(" muxbar", t.color(Role.ACCENT), bg, true);
        View.Filter filter = in.view().filter();
        if (filter != View.Filter.ALL) {
            header.add(filter == View.Filter.AGENTS ? " agents" : " attention", t.color(Role.MUTED), bg, false);
        }
        AgentView.Counts attention = AgentView.Counts.of(in.model());
        String counts = attention.text(t);
        String sessions = count(shown.size(), w) + " ";
        int right = Cells.width(counts) + Cells.width(sessions);
        if (right >= header.left() && !counts.isEmpty()) {
            sessions = ""; // narrow: what needs the user beats the session count
            right = Cells.width(counts);
        }
        if (!counts.isEmpty() && right < header.left()) {
            header.add(" ".repeat(header.left() - right), bg, bg, false);
            attention.addTo(header, t, bg);
        }
        out.add(header.right(sessions, t.color(Role.MUTED), bg, false).build());
        out.add(rule(
                UsageLines.day(
                        in.model().usageToday(), System.currentTimeMillis(), java.time.ZoneId.systemDefault(), w),
                w,
                t));

        java.util.Optional<List<Line>> over = in.view().mode().over(in, listRows + hostRows + detailRows);
        if (over.isPresent()) {
            out.addAll(over.get());
            detailRows = 0;
            listRows = 0;
            hostRows = 0;
        }
        for (int row = 0; row < listRows; row++) {
            int i = top + row;
            if (i < shown.size()) {
                Session s = shown.get(i);
                // The number is the row of the ordering file (the M-N key), also in a filtered list.
                int index = filter == View.Filter.ALL
                        ? i
                        : ListLayout.indexOf(in.model().shown(), s.id());
                SessionRows.Inputs r = SessionRows.Inputs.of(
                        s,
                        index,
                        i == cursor && in.view().agent() < 0,
                        s.id().equals(in.ownSessionId()),
                        w,
                        t,
                        in.git().get(s.id()),
                        in.model().agentsOf(s.id()),
                        in.now(),
                        in.model().metaOf(s.id()),
                        in.model().resumableIn(s.name()),
                        warns(in.model(), s.id()));
                out.add(rows == null ? SessionRows.sessionRow(r) : rows.line(row, r));
            } else if (shown.isEmpty() && row == 0) {
                String none = filter == View.Filter.ALL
                        ? "  no sessions"
                        : filter == View.Filter.AGENTS ? "  no agents (f: all)" : "  nothing needs you (f)";
                out.add(new Line.Builder(w, bg)
                        .add(none, t.color(Role.MUTED), bg, false)
                        .build());
            } else {
                out.add(new Line.Builder(w, bg).build());
            }
        }
        List<ListLayout.RemoteRow> remote = layout.remoteRows();
        for (int row = 0; row < hostRows; row++) {
            int i = layout.hostTop() + row;
            ListLayout.RemoteRow r = remote.get(i);
            boolean at = i == layout.remote() && in.view().agent() < 0;
            out.add(
                    r.session() == null
                            ? HostRows.heading(
                                    r.host(),
                                    in.view().folded().contains(r.host().name()),
                                    at,
                                    w,
                                    t,
                                    in.now())
                            : HostRows.session(r.session(), r.host().up(), at, w, t, in.now()));
        }
        if (detailRows > 0 && layout.remote() >= 0) {
            dev.muxbar.model.RemoteSession rs = remote.get(layout.remote()).session();
            out.add(rule(
                    " " + rs.name() + " @" + remote.get(layout.remote()).host().name() + " ", w, t));
            for (int k = 0; k < detailRows - 1; k++) {
                out.add(
                        k < rs.agents().size()
                                ? AgentView.row(
                                        rs.agents().get(k), k == in.view().agent(), w, t, in.now())
                                : new Line.Builder(w, bg).build());
            }
        } else if (detailRows > 0) {
            out.add(rule(" " + selected.name() + " ", w, t));
            List<Agent> agents = in.model().agentsOf(selected.id());
            List<Line> said = DetailRows.meta(in.model().metaOf(selected.id()), w, t);
            List<dev.muxbar.model.Resumable> back = in.model().resumableIn(selected.name());
            List<Line> lines = new java.util.ArrayList<>(said);
            for (int a = 0; a < agents.size() && lines.size() < detailRows - 1; a++) {
                dev.muxbar.model.Usage u = in.model().usageOf(agents.get(a));
                boolean at = a == in.view().agent();
                lines.add(AgentView.row(
                        agents.get(a), in.model().costOf(agents.get(a).pane()), u, warnAt(u), at, w, t, in.now()));
                if (at && u != null) {
                    lines.addAll(UsageLines.agent(u, w, t)); // the selected agent's figures under it
                }
            }
            for (int r = 0; r < back.size() && lines.size() < detailRows - 1; r++) {
                lines.add(DetailRows.resumable(
                        back.get(r), agents.size() + r == in.view().agent(), w, t));
            }
            for (int k = 0; k < selected.windows().size() && lines.size() < detailRows - 1; k++) {
                lines.add(DetailRows.window(selected.windows().get(k), w, t));
            }
            for (int k = 0; k < detailRows - 1; k++) {
                out.add(k < lines.size() ? lines.get(k) : new Line.Builder(w, bg).build());
            }
        }
        if (footer) {
            out.add(in.view().mode().footer(in));
        }
        return out;
    }

    private static int warnAt(dev.muxbar.model.Usage u) {
        return u == null ? dev.muxbar.model.Usage.WARN_PERCENT : u.warnAt();
    }

    /** Whether an agent of the session has its context or a quota nearly used up. */
    private static boolean warns(Model m, String sessionId) {
        if (m.usage().isEmpty()) {
            return false;
        }
        for (Agent a : m.agentsOf(sessionId)) {
            dev.muxbar.model.Usage u = m.usageOf(a);
            if (u != null && u.warns()) {
                return true;
            }
        }
        return false;
    }

    /** One line of the theme's background holding {@code text} in {@code role}'s colour. */
    public static Line line(Input in, String text, Role role, boolean bold) {
        Theme t = in.theme();
        Color bg = t.color(Role.BACKGROUND);
        return new Line.Builder(in.width(), bg)
                .add(text, t.color(role), bg, bold)
                .build();
    }

    /** {@code lines} cut or padded with empty lines to exactly {@code rows}. */
    public static List<Line> exactly(Input in, List<Line> lines, int rows) {
        List<Line> out = new ArrayList<>(lines.subList(0, Math.min(lines.size(), Math.max(0, rows))));
        while (out.size() < rows) {
            out.add(line(in, "", Role.TEXT, false));
        }
        return out;
    }

    private static String count(int n, int width) {
        return width >= 22 ? n + (n == 1 ? " session" : " sessions") : String.valueOf(n);
    }

    private static Line rule(String title, int w, Theme t) {
        Color bg = t.color(Role.BACKGROUND);
        Line.Builder b = new Line.Builder(w, bg);
        if (!title.isEmpty()) {
            b.add("──", t.color(Role.BORDER), bg, false).add(title, t.color(Role.MUTED), bg, false);
        }
        return b.add("─".repeat(Math.max(0, b.left())), t.color(Role.BORDER), bg, false)
                .build();
    }
}
