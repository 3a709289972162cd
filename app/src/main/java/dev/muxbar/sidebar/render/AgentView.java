package dev.muxbar.sidebar.render;

import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Status;
import dev.muxbar.theme.Color;
import dev.muxbar.theme.Role;
import dev.muxbar.theme.Theme;
import java.util.List;

/**
 * How agents look in a sidebar: one glyph per status (a spinner for working agents, one frame per
 * {@link #FRAME_MS}), badge strings for session rows, header counts and detail-panel rows.
 */
public final class AgentView {
    private AgentView() {}

    /** Spinner frame length: 10 frames a second at most. */
    public static final long FRAME_MS = 100;
    /** Badges drawn per session row; more show as "+". */
    public static final int MAX_BADGES = 3;

    /** The status's glyph in this theme; working agents get the spinner frame for {@code now}. */
    public static String glyph(Theme t, Status s, long now) {
        if (s.busy()) {
            String frames = t.glyph("spinner");
            int n = frames.codePointCount(0, frames.length());
            int at = frames.offsetByCodePoints(0, (int) Math.floorMod(now / FRAME_MS, (long) n));
            return new String(Character.toChars(frames.codePointAt(at)));
        }
        return t.glyph(s.label());
    }

    /**
     * An agent's glyph: a question (AskUserQuestion) and a plan to approve look different from a
     * permission prompt, because each asks something different of the user.
     */
    public static String glyph(Theme t, Agent a, long now) {
        if (a.status() == Status.WAITING && a.waitsFor() != null && a.waitsFor() != dev.muxbar.model.Wait.PERMISSION) {
            return t.glyph(a.waitsFor().label());
        }
        return glyph(t, a.status(), now);
    }

    /** The status in words: {@code waiting: question}. */
    public static String words(Agent a) {
        return a.status() == Status.WAITING && a.waitsFor() != null
                ? "waiting: " + a.waitsFor().label()
                : a.status().label();
    }

    public static Color color(Theme t, Status s) {
        return t.color(Role.of(s.label())); // every status label is a role
    }

    /** Adds up to {@link #MAX_BADGES} badges (most urgent first) to a row builder. */
    public static void badges(Line.Builder b, List<Agent> agents, Theme t, Color bg, long now) {
        int n = 0;
        for (Agent a : agents) {
            if (n == MAX_BADGES) {
                b.add("+", t.color(Role.MUTED), bg, false);
                return;
            }
            b.add(glyph(t, a, now), color(t, a.status()), bg, a.needsAttention());
            n++;
        }
    }

    /** Cells the badges of {@code agents} take, with the space before them. */
    public static int badgeWidth(List<Agent> agents) {
        return agents.isEmpty() ? 0 : 1 + Math.min(agents.size(), MAX_BADGES) + (agents.size() > MAX_BADGES ? 1 : 0);
    }

    /** "2? 1✓ " — agents waiting, and finished out of sight; empty text when none. */
    public record Counts(long waiting, long unseen) {
        /**
         * This machine's agents and the other machines' (walked in place: every frame of every sidebar
         * asks, so nothing is copied).
         */
        public static Counts of(Model m) {
            if (m == null) {
                return new Counts(0, 0);
            }
            Counts c = of(m.agents());
            for (dev.muxbar.model.HostView h : m.hosts()) {
                for (dev.muxbar.model.RemoteSession s : h.sessions()) {
                    Counts there = of(s.agents());
                    c = new Counts(c.waiting + there.waiting, c.unseen + there.unseen);
                }
            }
            return c;
        }

        private static Counts of(List<Agent> agents) {
            long waiting = 0;
            long unseen = 0;
            for (Agent a : agents) {
                waiting += a.status() == Status.WAITING ? 1 : 0;
                unseen += a.unseen() ? 1 : 0;
            }
            return new Counts(waiting, unseen);
        }

        public String waitingText(Theme t) {
            return waiting > 0 ? waiting + t.glyph("waiting") + " " : "";
        }

        public String unseenText(Theme t) {
            return unseen > 0 ? unseen + t.glyph("done") + " " : "";
        }

        public String text(Theme t) {
            return waitingText(t) + unseenText(t);
        }

        public void addTo(Line.Builder b, Theme t, Color bg) {
            b.add(waitingText(t), color(t, Status.WAITING), bg, true);
            b.add(unseenText(t), color(t, Status.DONE), bg, true);
        }
    }

    /** "  ⠋ claude  running 2m  fix the flaky test" */
    public static Line row(Agent a, boolean cursor, int w, Theme t, long now) {
        return row(a, null, null, dev.muxbar.model.Usage.WARN_PERCENT, cursor, w, t, now);
    }

    /**
     * The same with what the agent costs the machine ({@code cost}: null when not known): "… 812 MB 3%",
     * and what its conversation used ({@code usage}: null when not known): "ctx 62% $1.20", the context
     * share in the waiting colour from {@code warnAt} percent.
     */
    public static Line row(
            Agent a,
            dev.muxbar.model.Cost cost,
            dev.muxbar.model.Usage usage,
            int warnAt,
            boolean cursor,
            int w,
            Theme t,
            long now) {
        Color bg = cursor ? t.color(Role.CURSOR) : t.color(Role.BACKGROUND);
        Line.Builder b = new Line.Builder(w, bg, t.color(Role.TEXT));
        b.add("  " + glyph(t, a, now) + " ", color(t, a.status()), bg, a.needsAttention());
        b.add(a.agent() + " ", t.color(Role.TEXT), bg, false);
        if (a.host() != null) {
            b.add("@" + a.host() + " ", t.color(Role.ACCENT), bg, false); // seen through ssh, mosh, a container
        }
        b.add(
                words(a) + (a.unseen() ? t.glyph("unseen") : "") + " " + age(now - a.since()) + " ",
                color(t, a.status()),
                bg,
                false);
        if (usage != null && usage.contextPercent() >= 0) {
            int pct = usage.contextPercent();
            b.add("ctx " + pct + "% ", pct >= warnAt ? t.color(Role.WAITING) : t.color(Role.MUTED), bg, pct >= warnAt);
        }
        if (usage != null && usage.costUsd() != null) {
            b.add(String.format(java.util.Locale.ROOT, "$%.2f ", usage.costUsd()), t.color(Role.MUTED), bg, false);
        }
        if (cost != null) {
            b.add(cost.memory() + " " + cost.cpuPct() + "% ", t.color(Role.MUTED), bg, false);
        }
        String note = a.title() != null ? a.title() : a.message();
        if (note != null) {
            b.add(note, t.color(Role.MUTED), bg, false);
        }
        return b.build();
    }

    /** "5s", "3m", "2h", "4d". */
    public static String age(long ms) {
        long s = Math.max(0, ms / 1000);
        return s < 60 ? s + "s" : s < 3600 ? s / 60 + "m" : s < 86_400 ? s / 3600 + "h" : s / 86_400 + "d";
    }
}
