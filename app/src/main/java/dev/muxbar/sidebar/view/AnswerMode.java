package dev.muxbar.sidebar.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.muxbar.agents.Prompts;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.text.Cells;
import dev.muxbar.theme.Color;
import dev.muxbar.theme.Role;
import dev.muxbar.theme.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code a} on a waiting agent: its prompt's choices over the list; 1-9 picks one (sent only to
 * this prompt, {@code hash}: a prompt that changed meanwhile is not answered), anything else goes back.
 */
public record AnswerMode(Place place, String pane, String agent, String hash, List<Prompts.Choice> choices)
        implements Mode {

    @Override
    public Keys.Result key(Renderer.Input in, KeyStroke k) {
        View v = in.view();
        View back = v.withMode(new ListMode());
        Character c = k.getKeyType() == KeyType.Character ? k.getCharacter() : null;
        if (c != null && c >= '1' && c <= '9') {
            int n = c - '0';
            return n <= choices.size()
                    ? Keys.Result.of(back, new Command.Answer(place, pane, n, hash))
                    : Keys.Result.of(v);
        }
        return Keys.Result.of(back);
    }

    /** What the agent asks, then one numbered row per choice. */
    @Override
    public Optional<List<Line>> over(Renderer.Input in, int rows) {
        Theme t = in.theme();
        int w = in.width();
        Color bg = t.color(Role.BACKGROUND);
        List<Line> out = new ArrayList<>();
        out.add(Renderer.line(
                in, Cells.fit(" " + agent + " in " + pane + place.suffix() + " asks:", w), Role.WAITING, true));
        for (Prompts.Choice c : choices) {
            out.add(new Line.Builder(w, bg)
                    .add(" " + c.number() + " ", t.color(Role.ACCENT), bg, true)
                    .add(Cells.fit(c.label(), Math.max(1, w - 3)), t.color(Role.TEXT), bg, false)
                    .build());
        }
        return Optional.of(Renderer.exactly(in, out, rows));
    }

    @Override
    public Line footer(Renderer.Input in) {
        return Renderer.line(in, " 1-9 answer  Esc back", Role.ACCENT, false);
    }
}
