package dev.muxbar.sidebar.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.text.Cells;
import dev.muxbar.theme.Color;
import dev.muxbar.theme.Role;
import dev.muxbar.theme.Theme;
import java.util.List;
import java.util.Optional;

/**
 * {@code n} (new session, {@code sessionId} empty) or {@code r} (rename {@code sessionId}): a name
 * being typed with readline keys ({@link LineEdit}); Enter makes it, Esc drops it.
 */
public record NamePrompt(String label, String sessionId, LineEdit line) implements Mode {

    public NamePrompt(String label, String sessionId, String text) {
        this(label, sessionId, LineEdit.of(text));
    }

    public String text() {
        return line.text();
    }

    @Override
    public Keys.Result key(Renderer.Input in, KeyStroke k) {
        View v = in.view();
        View back = v.withMode(new ListMode());
        if (Keys.isEnter(k)) {
            String name = text().strip();
            if (name.isEmpty()) {
                return Keys.Result.of(back);
            }
            return Keys.Result.of(
                    back, sessionId.isEmpty() ? new Command.NewSession(name) : new Command.Rename(sessionId, name));
        }
        if (k.getKeyType() == KeyType.Escape) {
            return Keys.Result.of(back);
        }
        LineEdit next = line.apply(k, Keys.MAX_PROMPT);
        return next == null ? Keys.Result.of(v) : Keys.Result.of(v.withMode(new NamePrompt(label, sessionId, next)));
    }

    @Override
    public Optional<List<Line>> over(Renderer.Input in, int rows) {
        return Optional.empty();
    }

    @Override
    public Line footer(Renderer.Input in) {
        return typed(in, " " + label + ": ", line);
    }

    /** A label and the line being typed after it, scrolled to keep the cursor in view. */
    public static Line typed(Renderer.Input in, String label, LineEdit line) {
        Theme t = in.theme();
        Color bg = t.color(Role.BACKGROUND);
        int room = Math.max(1, in.width() - Cells.width(label) - 1);
        return new Line.Builder(in.width(), bg)
                .add(label, t.color(Role.ACCENT), bg, true)
                .add(line.shown(room), t.color(Role.TEXT), bg, false)
                .build();
    }
}
