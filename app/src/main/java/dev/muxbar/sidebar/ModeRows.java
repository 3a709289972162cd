package dev.muxbar.sidebar;

import dev.muxbar.text.Cells;
import dev.muxbar.theme.Color;
import dev.muxbar.theme.Role;
import dev.muxbar.theme.Theme;
import java.util.ArrayList;
import java.util.List;

/** The rows a mode draws over the session list (a peek, a prompt's choices); pure, like {@link Renderer}. */
final class ModeRows {
    private ModeRows() {}

    /**
     * A peek over the list: the agent and its pane, then the pane's last lines with their own colours
     * (the terminal's defaults drawn as the theme's text and background), the prompt line at the bottom.
     */
    static List<Line> peek(View.Mode.Peek pk, int rows, int w, Theme t) {
        Color bg = t.color(Role.BACKGROUND);
        List<Line> out = new ArrayList<>();
        out.add(new Line.Builder(w, bg)
                .add(Cells.fit(" " + pk.agent() + " " + pk.pane(), w), t.color(Role.ACCENT), bg, true)
                .build());
        List<String> lines = new ArrayList<>(pk.lines());
        while (!lines.isEmpty()
                && Ansi.spans(lines.get(lines.size() - 1), bg, bg).stream()
                        .allMatch(x -> x.text().isBlank())) {
            lines.remove(lines.size() - 1); // the empty rows below the prompt
        }
        int room = Math.max(0, rows - 1);
        for (String l : lines.subList(Math.max(0, lines.size() - room), lines.size())) {
            Line.Builder b = new Line.Builder(w, bg);
            for (Line.Span sp : Ansi.spans(l, t.color(Role.TEXT), bg)) {
                b.add(sp.text(), sp.fg(), sp.bg(), sp.bold());
            }
            out.add(b.build());
        }
        while (out.size() < rows) {
            out.add(new Line.Builder(w, bg).build());
        }
        return out.subList(0, Math.max(0, rows));
    }

    /** A prompt's choices over the list: what the agent asks, one numbered row per choice. */
    static List<Line> answer(View.Mode.Answer a, int rows, int w, Theme t) {
        Color bg = t.color(Role.BACKGROUND);
        List<Line> out = new ArrayList<>();
        out.add(new Line.Builder(w, bg)
                .add(Cells.fit(" " + a.agent() + " in " + a.pane() + " asks:", w), t.color(Role.WAITING), bg, true)
                .build());
        for (dev.muxbar.agents.Prompts.Choice c : a.choices()) {
            out.add(new Line.Builder(w, bg)
                    .add(" " + c.number() + " ", t.color(Role.ACCENT), bg, true)
                    .add(Cells.fit(c.label(), Math.max(1, w - 3)), t.color(Role.TEXT), bg, false)
                    .build());
        }
        while (out.size() < rows) {
            out.add(new Line.Builder(w, bg).build());
        }
        return out.subList(0, Math.max(0, rows));
    }
}
