package dev.muxbar.sidebar.view;

import com.googlecode.lanterna.input.KeyStroke;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.theme.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code ?}: the key list ({@link KeyTable#help()}) over the list; any key closes it. */
public record HelpMode() implements Mode {

    /** The key list of the help overlay. */
    static final List<String> HELP = KeyTable.help();

    @Override
    public Keys.Result key(Renderer.Input in, KeyStroke k) {
        return Keys.Result.of(in.view().withMode(new ListMode()));
    }

    @Override
    public Optional<List<Line>> over(Renderer.Input in, int rows) {
        List<Line> out = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            out.add(Renderer.line(in, row < HELP.size() ? HELP.get(row) : "", Role.TEXT, false));
        }
        return Optional.of(out);
    }

    @Override
    public Line footer(Renderer.Input in) {
        return ListMode.hints(in);
    }
}
