package dev.muxbar.sidebar.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.theme.Role;
import java.util.List;
import java.util.Optional;

/** {@code w}: ←/→ ±1, H/L ±5 resize every sidebar live; Enter keeps the width, Esc goes back to {@code original}. */
public record WidthMode(int original, int current) implements Mode {

    /** Narrowest and widest sidebar (as the lifecycle's planner clamps it). */
    public static final int MIN_WIDTH = 16;

    public static final int MAX_WIDTH = 80;

    /** A width within the sidebars' bounds. */
    public static int clamp(int width) {
        return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, width));
    }

    @Override
    public Keys.Result key(Renderer.Input in, KeyStroke k) {
        View v = in.view();
        Character c = k.getKeyType() == KeyType.Character ? k.getCharacter() : null;
        int step = k.getKeyType() == KeyType.ArrowLeft
                ? -1
                : k.getKeyType() == KeyType.ArrowRight ? 1 : c != null && c == 'H' ? -5 : c != null && c == 'L' ? 5 : 0;
        if (step != 0) {
            int next = clamp(current + step);
            return Keys.Result.of(v.withMode(new WidthMode(original, next)), new Command.Width(next, false));
        }
        View back = v.withMode(new ListMode());
        if (Keys.isEnter(k)) {
            return Keys.Result.of(back, new Command.Width(current, true));
        }
        if (k.getKeyType() == KeyType.Escape) {
            return Keys.Result.of(back, new Command.Width(original, false));
        }
        return Keys.Result.of(v);
    }

    @Override
    public Optional<List<Line>> over(Renderer.Input in, int rows) {
        return Optional.empty();
    }

    @Override
    public Line footer(Renderer.Input in) {
        return Renderer.line(in, " width " + current + "  ←/→ H/L ↵ Esc", Role.ACCENT, false);
    }
}
