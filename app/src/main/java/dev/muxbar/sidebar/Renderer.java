package dev.muxbar.sidebar;

import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Snapshot.Session;
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
            Map<String, GitInfo.Git> git,
            long now,
            String notice,
            List<Theme> themes) {
        public Input(Model model, Theme theme, View view, String ownSessionId, int width, int height) {
            this(model, theme, view, ownSessionId, width, height, Map.of(), 0, null, List.of());
        }

        /** The same frame with another view (key handling looks ahead). */
        Input with(View v) {
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
    static List<Line> render(Input in, SessionRows rows) {
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
        out.add(rule("", w, t));

        if (in.view().mode() instanceof View.Mode.Themes picker) {
            out.addAll(ThemePicker.rows(picker, in.themes(), listRows + detailRows, w, t));
            detailRows = 0;
            listRows = 0;
        } else if (in.view().mode() instanceof View.Mode.Peek pk) {
            out.addAll(ModeRows.peek(pk, listRows + detailRows, w, t));
            detailRows = 0;
            listRows = 0;
        } else if (in.view().mode() instanceof View.Mode.Answer a) {
            out.addAll(ModeRows.answer(a, listRows + detailRows, w, t));
            detailRows = 0;
            listRows = 0;
        } else if (in.view().mode() instanceof View.Mode.Help) {
            for (int row = 0; row < listRows + detailRows; row++) {
                String text = row < HELP.size() ? HELP.get(row) : "";
                out.add(new Line.Builder(w, bg)
                        .add(text, t.color(Role.TEXT), bg, false)
                        .build());
            }
            detailRows = 0;
            listRows = 0;
        } else if (!listShown(in.view().mode())) {
            throw new AssertionError(in.view().mode()); // a new mode says what it draws over the list
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
                        in.model().metaOf(s.id()));
                out.add(rows == null ? sessionRow(r) : rows.line(row, r));
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
        if (detailRows > 0) {
            out.add(rule(" " + selected.name() + " ", w, t));
            List<Agent> agents = in.model().agentsOf(selected.id());
            List<Line> said = DetailRows.meta(in.model().metaOf(selected.id()), w, t);
            for (int k = 0; k < detailRows - 1; k++) {
                int a = k - said.size();
                out.add(
                        k < said.size()
                                ? said.get(k)
                                : a < agents.size()
                                        ? AgentView.row(
                                                agents.get(a), a == in.view().agent(), w, t, in.now())
                                        : DetailRows.window(selected.windows().get(a - agents.size()), w, t));
            }
        }
        if (footer) {
            out.add(
                    in.notice() != null && in.view().mode() instanceof View.Mode.Normal
                            ? new Line.Builder(w, bg)
                                    .add(" " + in.notice(), t.color(Role.WAITING), bg, true)
                                    .build()
                            : footer(in.view().mode(), w, t));
        }
        return out;
    }

    /** The key list of the help overlay. */
    static final List<String> HELP = KeyTable.help();

    /** The last row: key hints, or the prompt of the mode keys are in. */
    private static Line footer(View.Mode mode, int w, Theme t) {
        Color bg = t.color(Role.BACKGROUND);
        Line.Builder b = new Line.Builder(w, bg);
        if (mode instanceof View.Mode.ConfirmKill c) {
            String ask = "? ↵ yes";
            String name = Cells.fit(c.name(), Math.max(1, w - Cells.width(" kill " + ask)));
            return b.add(" kill " + name + ask, t.color(Role.ERROR), bg, true).build(); // the question always shows
        }
        if (mode instanceof View.Mode.Prompt p) {
            int room = Math.max(1, w - Cells.width(" " + p.label() + ": ") - 1);
            return b.add(" " + p.label() + ": ", t.color(Role.ACCENT), bg, true)
                    .add(p.line().shown(room), t.color(Role.TEXT), bg, false)
                    .build();
        }
        if (mode instanceof View.Mode.Themes p) {
            return ThemePicker.footer(p, w, t);
        }
        if (mode instanceof View.Mode.Answer) {
            return b.add(" 1-9 answer  Esc back", t.color(Role.ACCENT), bg, false)
                    .build();
        }
        if (mode instanceof View.Mode.Peek) {
            return b.add(" p/Esc close the peek", t.color(Role.ACCENT), bg, false)
                    .build();
        }
        if (mode instanceof View.Mode.Reply r) {
            if (r.confirming()) {
                return b.add(" " + r.agent() + " works: ↵ sends anyway", t.color(Role.WAITING), bg, true)
                        .build();
            }
            String label = " to " + r.agent() + ": ";
            int room = Math.max(1, w - Cells.width(label) - 1);
            return b.add(label, t.color(Role.ACCENT), bg, true)
                    .add(r.line().shown(room), t.color(Role.TEXT), bg, false)
                    .build();
        }
        if (mode instanceof View.Mode.Width wd) {
            return b.add(" width " + wd.current() + "  ←/→ H/L ↵ Esc", t.color(Role.ACCENT), bg, false)
                    .build();
        }
        if (mode instanceof View.Mode.Normal || mode instanceof View.Mode.Help) {
            return b.add(" ? help  ↵ switch  1-9", t.color(Role.MUTED), bg, false)
                    .build();
        }
        throw new AssertionError(mode);
    }

    /** The modes that keep the session list on screen (their prompt is in the footer). */
    private static boolean listShown(View.Mode mode) {
        return mode instanceof View.Mode.Normal
                || mode instanceof View.Mode.ConfirmKill
                || mode instanceof View.Mode.Prompt
                || mode instanceof View.Mode.Reply
                || mode instanceof View.Mode.Width;
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

    /** Longest branch shown in a row; the name keeps at least {@link #MIN_NAME} cells. */
    static final int MAX_BRANCH = 12;

    static final int MIN_NAME = 6;

    /** One row of the session list; time only turns the spinner ({@link SessionRows.Inputs#tick()}). */
    static Line sessionRow(SessionRows.Inputs in) {
        Session s = in.session();
        int index = in.index();
        boolean cursor = in.cursor();
        boolean current = in.current();
        int w = in.width();
        Theme t = in.theme();
        GitInfo.Git git = in.git();
        List<Agent> agents = in.agents();
        long now = in.tick() * AgentView.FRAME_MS;
        dev.muxbar.model.Meta meta = in.meta();
        Color bg = cursor ? t.color(Role.CURSOR) : t.color(Role.BACKGROUND);
        Line.Builder b = new Line.Builder(w, bg, t.color(Role.TEXT));
        b.add(current ? t.glyph("current") : " ", t.color(Role.CURRENT), bg, false);
        b.add(index < 9 ? String.valueOf(index + 1) : " ", t.color(Role.MUTED), bg, false);
        b.add(" ", bg, bg, false);
        String counts = w >= 20 ? " " + s.windows().size() + "w " : " ";
        boolean unseen = agents.stream().anyMatch(Agent::unseen);
        boolean said = meta.status() != null; // a script's status: a dot in its tone
        int badges = AgentView.badgeWidth(agents) + (unseen ? 1 : 0) + (said ? 1 : 0);
        String branch = "";
        if (git != null && w >= 24) {
            int room = Math.min(MAX_BRANCH, b.left() - Cells.width(counts) - badges - MIN_NAME - 1);
            branch = room >= 4
                    ? " " + Cells.fit(git.branch(), room - (git.dirty() ? 1 : 0)) + (git.dirty() ? "*" : "")
                    : "";
        }
        int nameCells = Math.max(1, b.left() - Cells.width(counts) - Cells.width(branch) - badges);
        b.add(Cells.pad(s.name(), nameCells), current ? t.color(Role.CURRENT) : t.color(Role.TEXT), bg, current);
        if (unseen) {
            b.add(t.glyph("unseen"), t.color(Role.DONE), bg, true); // finished while nobody looked
        }
        if (said) {
            b.add("●", DetailRows.toneColor(meta.status().tone(), t), bg, false);
        }
        if (!agents.isEmpty()) {
            b.add(" ", bg, bg, false);
            AgentView.badges(b, agents, t, bg, now);
        }
        b.add(branch, git != null && git.dirty() ? t.color(Role.WAITING) : t.color(Role.ACCENT), bg, false);
        b.add(counts, t.color(Role.MUTED), bg, false);
        return b.build();
    }
}
