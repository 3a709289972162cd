package dev.muxbar.sidebar.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.muxbar.sidebar.render.Ansi;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.text.Cells;
import dev.muxbar.theme.Color;
import dev.muxbar.theme.Role;
import dev.muxbar.theme.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code p} on an agent: its pane's last lines ({@code lines}, with colours), live, in a widened
 * sidebar. It stays until it is closed: p, Esc, q, Enter, ←/h; other keys do nothing.
 */
public record PeekMode(Place place, String pane, String agent, List<String> lines) implements Mode {

    public PeekMode {
        lines = List.copyOf(lines);
    }

    /** The same peek showing the pane's newest lines. */
    public PeekMode with(List<String> newest) {
        return new PeekMode(place, pane, agent, newest);
    }

    @Override
    public Keys.Result key(Renderer.Input in, KeyStroke k) {
        View v = in.view();
        Character c = k.getKeyType() == KeyType.Character ? k.getCharacter() : null;
        boolean close = k.getKeyType() == KeyType.Escape
                || k.getKeyType() == KeyType.ArrowLeft
                || Keys.isEnter(k)
                || c != null && "pqh".indexOf(c) >= 0;
        return close ? Keys.Result.of(v.withMode(new ListMode()), new Command.EndPeek()) : Keys.Result.of(v);
    }

    /**
     * The agent and its pane, then the pane's last lines with their own colours (the terminal's
     * defaults drawn as the theme's text and background), the prompt line at the bottom.
     */
    @Override
    public Optional<List<Line>> over(Renderer.Input in, int rows) {
        Theme t = in.theme();
        int w = in.width();
        Color bg = t.color(Role.BACKGROUND);
        List<Line> out = new ArrayList<>();
        out.add(Renderer.line(in, Cells.fit(" " + agent + " " + pane + place.suffix(), w), Role.ACCENT, true));
        List<String> shown = new ArrayList<>(lines);
        while (!shown.isEmpty()
                && Ansi.spans(shown.get(shown.size() - 1), bg, bg).stream()
                        .allMatch(x -> x.text().isBlank())) {
            shown.remove(shown.size() - 1); // the empty rows below the prompt
        }
        int room = Math.max(0, rows - 1);
        for (String l : shown.subList(Math.max(0, shown.size() - room), shown.size())) {
            Line.Builder b = new Line.Builder(w, bg);
            for (Line.Span sp : Ansi.spans(l, t.color(Role.TEXT), bg)) {
                b.add(sp.text(), sp.fg(), sp.bg(), sp.bold());
            }
            out.add(b.build());
        }
        return Optional.of(Renderer.exactly(in, out, rows));
    }

    @Override
    public Line footer(Renderer.Input in) {
        return Renderer.line(in, " p/Esc close the peek", Role.ACCENT, false);
    }
}
