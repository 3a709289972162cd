package dev.muxbar.sidebar;

import dev.muxbar.model.Agent;
import dev.muxbar.model.Meta;
import dev.muxbar.model.Snapshot.Session;
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
final class SessionRows {
    private Inputs[] inputs = new Inputs[0];
    private Line[] lines = new Line[0];

    /**
     * What a session row is drawn from. {@code tick}: the spinner frame ({@code now / FRAME_MS}) when
     * one of the agents is busy, else 0 — time moves nothing else in the row.
     */
    record Inputs(
            Session session,
            int index,
            boolean cursor,
            boolean current,
            int width,
            Theme theme,
            GitInfo.Git git,
            List<Agent> agents,
            long tick,
            Meta meta) {
        static Inputs of(
                Session session,
                int index,
                boolean cursor,
                boolean current,
                int width,
                Theme theme,
                GitInfo.Git git,
                List<Agent> agents,
                long now,
                Meta meta) {
            long tick = 0;
            for (Agent a : agents) {
                if (a.status().busy()) {
                    tick = now / AgentView.FRAME_MS; // as AgentView.glyph divides
                    break;
                }
            }
            return new Inputs(session, index, cursor, current, width, theme, git, agents, tick, meta);
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
                    && Objects.equals(meta, o.meta);
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
            h = 31 * h + Objects.hashCode(meta);
            return h;
        }
    }

    /** The line of list row {@code row} for {@code in}: last frame's when drawn from the same, else drawn now. */
    Line line(int row, Inputs in) {
        if (row >= inputs.length) {
            // As many slots as the list has rows: bounded by the pane's height.
            inputs = Arrays.copyOf(inputs, row + 1);
            lines = Arrays.copyOf(lines, row + 1);
        }
        if (!in.equals(inputs[row])) {
            inputs[row] = in;
            lines[row] = Renderer.sessionRow(in);
        }
        return lines[row];
    }
}
