package dev.muxbar.sidebar.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.muxbar.act.AgentActions;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.theme.Role;
import java.util.List;
import java.util.Optional;

/**
 * {@code R} on an agent: a line typed for it (readline keys). Enter sends it to an agent that
 * {@code listens}; to one that works it first asks ({@code confirming}), and a second Enter sends.
 * Esc drops it.
 */
public record ReplyMode(
        Place place, String pane, String agent, LineEdit line, boolean listens, boolean confirming, boolean wake)
        implements Mode {

    public ReplyMode(Place place, String pane, String agent, LineEdit line, boolean listens, boolean confirming) {
        this(place, pane, agent, line, listens, confirming, false);
    }

    @Override
    public Keys.Result key(Renderer.Input in, KeyStroke k) {
        View v = in.view();
        View back = v.withMode(new ListMode());
        if (Keys.isEnter(k)) {
            String text = line.text();
            if (text.isBlank()) {
                return Keys.Result.of(back);
            }
            if (listens || confirming) {
                return Keys.Result.of(
                        back, wake ? new Command.Resume(pane, text) : new Command.Reply(place, pane, text, !listens));
            }
            return Keys.Result.of(v.withMode(new ReplyMode(place, pane, agent, line, false, true, wake)));
        }
        if (k.getKeyType() == KeyType.Escape) {
            return Keys.Result.of(back);
        }
        LineEdit next = line.apply(k, AgentActions.MAX_REPLY);
        return next == null
                ? Keys.Result.of(v)
                : Keys.Result.of(v.withMode(new ReplyMode(place, pane, agent, next, listens, false, wake)));
    }

    @Override
    public Optional<List<Line>> over(Renderer.Input in, int rows) {
        return Optional.empty();
    }

    @Override
    public Line footer(Renderer.Input in) {
        return confirming
                ? Renderer.line(in, " " + agent + " works: ↵ sends anyway", Role.WAITING, true)
                : NamePrompt.typed(in, " to " + agent + ": ", line);
    }
}
