package dev.muxbar.sidebar.view;

import com.googlecode.lanterna.input.KeyStroke;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.text.Cells;
import dev.muxbar.theme.Role;
import java.util.List;
import java.util.Optional;

/**
 * {@code x}: Enter kills {@code sessionId} (its viewers move to a neighbour first); {@code w} kills it
 * and removes the git worktree {@code muxbar new} made for it — only when the tree is clean and its
 * branch merged or pushed (otherwise the worktree stays and the footer says why); anything else cancels.
 */
public record ConfirmKill(String sessionId, String name) implements Mode {

    @Override
    public Keys.Result key(Renderer.Input in, KeyStroke k) {
        View back = in.view().withMode(new ListMode());
        boolean tree = k.getKeyType() == com.googlecode.lanterna.input.KeyType.Character && k.getCharacter() == 'w';
        return Keys.isEnter(k) || tree
                ? Keys.Result.of(
                        back, new Command.Kill(sessionId, Keys.neighbour(ListLayout.shown(in), sessionId), tree))
                : Keys.Result.of(back);
    }

    @Override
    public Optional<List<Line>> over(Renderer.Input in, int rows) {
        return Optional.empty();
    }

    /** The question always shows: the name is cut, never the question. */
    @Override
    public Line footer(Renderer.Input in) {
        String ask = in.width() >= 40 ? "? ↵ yes, w +worktree" : "? ↵ yes";
        String fitted = Cells.fit(name, Math.max(1, in.width() - Cells.width(" kill " + ask)));
        return Renderer.line(in, " kill " + fitted + ask, Role.ERROR, true);
    }
}
