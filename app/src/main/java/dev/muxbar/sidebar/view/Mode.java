package dev.muxbar.sidebar.view;

import com.googlecode.lanterna.input.KeyStroke;
import dev.muxbar.sidebar.render.Line;
import java.util.List;
import java.util.Optional;

/**
 * What keys mean right now, and what the sidebar draws for it: every view mode is one type (one file)
 * with its own keys, the rows it draws over the session list and its footer. Adding a mode is one
 * new file and its name in {@code permits}; the compiler then holds it to all three (Java 17 has no
 * pattern switch: the sealed interface's methods are the one exhaustive dispatch, and
 * {@link Keys#handle} and {@link Renderer#render} the only places that call them).
 */
public sealed interface Mode
        permits ListMode,
                ConfirmKill,
                NamePrompt,
                AgentForm,
                WidthMode,
                ThemePicker,
                HelpMode,
                AnswerMode,
                ReplyMode,
                PeekMode {

    /** A key in this mode: the new view and what to do. */
    public Keys.Result key(Renderer.Input in, KeyStroke k);

    /**
     * Exactly {@code rows} lines drawn in place of the session list and its detail panel, or empty
     * when the list stays on screen (the mode's prompt is in the footer).
     */
    public Optional<List<Line>> over(Renderer.Input in, int rows);

    /** The last row: key hints, or the prompt of the mode. */
    public Line footer(Renderer.Input in);
}
