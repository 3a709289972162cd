package dev.muxbar.sidebar.render;

import dev.muxbar.model.Agent;
import dev.muxbar.model.Meta;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.text.Cells;
import dev.muxbar.theme.Color;
import dev.muxbar.theme.Role;
import dev.muxbar.theme.Theme;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The session rows of a painter's last frame, by list row: a frame takes a row over, the same
 * {@link Line} object, when what it is drawn from is what the last frame's row was drawn from.
 *
 * <p>Why: under a stream of agent events the visible sidebar is drawn every frame, yet in a frame
 * only the rows whose agents changed (or whose spinner turned) differ. Drawing every session row
 * again was a fifth of the painting CPU (async-profiler, 200 agent events a second over 20 sessions),
 * and allocated most of its garbage; a row taken over costs one comparison of its inputs and is the
 * painted row itself, so {@link FrameBytes} finds it unchanged by identity. A cache of a pure
 * function: a frame is the same with or without it (tested). One per painter; not for two threads.
 */
public final class SessionRows {
    private Inputs[] inputs = new Inputs[0];
    private Line[] lines = new Line[0];

    /**
     * What a session row is drawn from. {@code tick}: the spinner frame ({@code now / FRAME_MS}) when
     * one of the agents is busy, else 0 — time moves nothing else in the row.
     */
    public record Inputs(
            Session session,
            int index,
            boolean cursor,
            boolean current,
            int width,
            Theme theme,
            GitMark git,
            List<Agent> agents,
            long tick,
            Meta meta,
            String resting) {
        /**
         * {@code back}: the session's remembered agents that do not run (a {@code z} or a {@code ⟲} on its
         * row); {@code warn}: an agent's context or a quota nearly used up (a {@code ⚠}).
         */
        public static Inputs of(
                Session session,
                int index,
                boolean cursor,
                boolean current,
                int width,
                Theme theme,
                GitMark git,
                List<Agent> agents,
                long now,
                Meta meta,
                List<dev.muxbar.model.Resumable> back,
                boolean warn) {
            long tick = 0;
            for (Agent a : agents) {
                if (a.status().busy()) {
                    tick = now / AgentView.FRAME_MS; // as AgentView.glyph divides
                    break;
                }
            }
            String resting = (warn ? "⚠" : "") // an agent's context (or a quota) nearly used up
                    + (back.isEmpty()
                            ? ""
                            : back.stream().anyMatch(dev.muxbar.model.Resumable::hibernated) ? "z" : "⟲");
            return new Inputs(session, index, cursor, current, width, theme, git, agents, tick, meta, resting);
        }

        // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x
        // (RecordEqualityTest); the parts are the model's own objects, so most compare by identity.
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            return other instanceof Inputs o
                    && index == o.index
                    && cursor == o.cursor
                    && current == o.current
                    && width == o.width
                    && tick == o.tick
                    && Objects.equals(session, o.session)
                    && Objects.equals(theme, o.theme)
                    && Objects.equals(git, o.git)
                    && Objects.equals(agents, o.agents)
                    && Objects.equals(meta, o.meta)
                    && resting.equals(o.resting);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(session);
            h = 31 * h + index;
            h = 31 * h + Boolean.hashCode(cursor);
            h = 31 * h + Boolean.hashCode(current);
            h = 31 * h + width;
            h = 31 * h + Objects.hashCode(theme);
            h = 31 * h + Objects.hashCode(git);
            h = 31 * h + Objects.hashCode(agents);
            h = 31 * h + Long.hashCode(tick);
            h = 31 * h + resting.hashCode();
            h = 31 * h + Objects.hashCode(meta);
            return h;
        }
    }

    /** The line of list row {@code row} for {@code in}: last frame's when drawn from the same, else drawn now. */
    public Line line(int row, Inputs in) {
        if (row >= inputs.length) {
            // As many slots as the list has rows: bounded by the pane's height.
            inputs = Arrays.copyOf(inputs, row + 1);
            lines = Arrays.copyOf(lines, row + 1);
        }
        if (!in.equals(inputs[row])) {
            inputs[row] = in;
            lines[row] = sessionRow(in);
        }
        return lines[row];
    }

    /** Longest branch shown in a row; the name keeps at least {@link #MIN_NAME} cells. */
    public static final int MAX_BRANCH = 12;

    public static final int MIN_NAME = 6;

    /** One row of the session list; time only turns the spinner ({@link SessionRows.Inputs#tick()}). */
    public static Line sessionRow(SessionRows.Inputs in) {
        Session s = in.session();
        int index = in.index();
        boolean cursor = in.cursor();
        boolean current = in.current();
        int w = in.width();
        Theme t = in.theme();
        GitMark git = in.git();
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
        String resting = in.resting();
        int badges = AgentView.badgeWidth(agents) + (unseen ? 1 : 0) + (said ? 1 : 0) + resting.length();
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
        b.add(resting, t.color(Role.MUTED), bg, true); // agents asleep or gone with a restart: b brings them back
        b.add(branch, git != null && git.dirty() ? t.color(Role.WAITING) : t.color(Role.ACCENT), bg, false);
        b.add(counts, t.color(Role.MUTED), bg, false);
        return b.build();
    }
}
