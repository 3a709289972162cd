package dev.muxbar.sidebar.render;

import dev.muxbar.model.Snapshot.Window;
import dev.muxbar.text.Cells;
import dev.muxbar.theme.Color;
import dev.muxbar.theme.Role;
import dev.muxbar.theme.Theme;
import java.util.ArrayList;
import java.util.List;

/** Rows of the detail panel under the list: what scripts said about a session, its windows; pure. */
public final class DetailRows {
    private DetailRows() {}

    /** Log lines a detail panel shows (the newest). */
    public static final int META_LOG_ROWS = 3;

    public static int metaLines(dev.muxbar.model.Meta m) {
        return (m.status() != null ? 1 : 0)
                + (m.progress() != null ? 1 : 0)
                + Math.min(META_LOG_ROWS, m.log().size());
    }

    /** What scripts said about the session: its status, its progress as a bar, its newest log lines. */
    public static List<Line> meta(dev.muxbar.model.Meta m, int w, Theme t) {
        Color bg = t.color(Role.BACKGROUND);
        List<Line> out = new ArrayList<>();
        if (m.status() != null) {
            out.add(new Line.Builder(w, bg)
                    .add("  ● ", toneColor(m.status().tone(), t), bg, false)
                    .add(m.status().text(), toneColor(m.status().tone(), t), bg, false)
                    .build());
        }
        if (m.progress() != null) {
            dev.muxbar.model.Meta.Progress p = m.progress();
            String label = p.of() == 100 ? " " + p.percent() + "%" : " " + p.done() + "/" + p.of();
            int bar = Math.max(4, w - 4 - Cells.width(label));
            int full = (int) Math.round(bar * p.percent() / 100.0);
            out.add(new Line.Builder(w, bg)
                    .add("  ", bg, bg, false)
                    .add("█".repeat(full), t.color(Role.ACCENT), bg, false)
                    .add("░".repeat(bar - full), t.color(Role.MUTED), bg, false)
                    .add(label, t.color(Role.TEXT), bg, false)
                    .build());
        }
        List<dev.muxbar.model.Meta.Line> log = m.log();
        for (dev.muxbar.model.Meta.Line l : log.subList(Math.max(0, log.size() - META_LOG_ROWS), log.size())) {
            out.add(new Line.Builder(w, bg)
                    .add("  " + l.text(), toneColor(l.tone(), t), bg, false)
                    .build());
        }
        return out;
    }

    public static Color toneColor(dev.muxbar.model.Meta.Tone tone, Theme t) {
        return switch (tone) {
            case INFO -> t.color(Role.TEXT);
            case OK -> t.color(Role.DONE);
            case WARN -> t.color(Role.WAITING);
            case ERROR -> t.color(Role.ERROR);
        };
    }

    public static Line window(Window win, int w, Theme t) {
        Color bg = t.color(Role.BACKGROUND);
        return new Line.Builder(w, bg)
                .add("  " + win.index() + " ", t.color(Role.MUTED), bg, false)
                .add(win.name(), win.active() ? t.color(Role.TEXT) : t.color(Role.MUTED), bg, false)
                .add(win.active() ? " *" : "", t.color(Role.ACCENT), bg, false)
                .build();
    }

    /**
     * A remembered agent of the session that does not run: {@code ⟲ claude to resume · b},
     * {@code z claude hibernated · 812 MB · b}, or why its last resume failed.
     */
    public static Line resumable(dev.muxbar.model.Resumable r, boolean cursor, int w, Theme t) {
        Color bg = cursor ? t.color(Role.CURSOR) : t.color(Role.BACKGROUND);
        Line.Builder b = new Line.Builder(w, bg);
        if (r.error() != null) {
            return b.add("  ✗ ", t.color(Role.ERROR), bg, true)
                    .add(r.agent() + " ", t.color(Role.TEXT), bg, false)
                    .add(r.error(), t.color(Role.ERROR), bg, false)
                    .build();
        }
        boolean z = r.hibernated();
        return b.add(z ? "  z " : "  ⟲ ", t.color(Role.MUTED), bg, true)
                .add(r.agent() + " ", t.color(Role.TEXT), bg, false)
                .add(
                        (z
                                        ? "hibernated" + (r.freedKb() >= 1024 ? " · " + r.freedKb() / 1024 + " MB" : "")
                                        : "to resume")
                                + " · b",
                        t.color(Role.MUTED),
                        bg,
                        false)
                .build();
    }
}
