package dev.muxbar.sidebar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.text.Cells;
import dev.muxbar.theme.Role;
import dev.muxbar.theme.Theme;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The picker's state machine (preview, revert, keep) and its rows. */
class ThemePickerTest {

    private static final List<Theme> THEMES = List.of(
            Theme.builtIn("catppuccin-latte"),
            Theme.builtIn("catppuccin-mocha"),
            Theme.builtIn("default"),
            Theme.builtIn("nord"));

    private Renderer.Input in(View v, Theme active) {
        return new Renderer.Input(
                RendererTest.withAgents(), active, v, "$0", 30, 12, java.util.Map.of(), 0, null, THEMES);
    }

    private static KeyStroke ch(char c) {
        return new KeyStroke(c, false, false);
    }

    private static List<Command> themeCommands(Keys.Result r) {
        return r.commands().stream().filter(c -> c instanceof Command.Theme).toList();
    }

    @Test
    void arrowsPreviewEnterKeeps() {
        Theme active = Theme.builtIn("default");
        Keys.Result r = Keys.handle(in(View.INITIAL, active), ch('t'));
        assertEquals(new ThemePicker("default", "", "default"), r.view().mode());
        assertEquals(List.of(), r.commands(), "opening changes nothing");
        r = Keys.handle(in(r.view(), active), new KeyStroke(KeyType.ArrowDown));
        assertEquals(List.of(new Command.Theme("nord", false)), r.commands(), "↓ previews the next theme");
        r = Keys.handle(in(r.view(), Theme.builtIn("nord")), new KeyStroke(KeyType.ArrowDown));
        assertEquals(List.of(), r.commands(), "already on the last: no second preview");
        r = Keys.handle(in(r.view(), Theme.builtIn("nord")), new KeyStroke(KeyType.ArrowUp));
        r = Keys.handle(in(r.view(), active), new KeyStroke(KeyType.ArrowUp));
        assertEquals(List.of(new Command.Theme("catppuccin-mocha", false)), r.commands());
        r = Keys.handle(in(r.view(), Theme.builtIn("catppuccin-mocha")), new KeyStroke(KeyType.Enter));
        assertEquals(List.of(new Command.Theme("catppuccin-mocha", true)), r.commands(), "Enter keeps (saved)");
        assertEquals(new ListMode(), r.view().mode());
    }

    @Test
    void escRevertsToTheThemeActiveWhenThePickerOpened() {
        Theme active = Theme.builtIn("nord");
        Keys.Result r = Keys.handle(in(View.INITIAL, active), ch('t'));
        r = Keys.handle(in(r.view(), active), new KeyStroke(KeyType.ArrowUp));
        assertEquals(List.of(new Command.Theme("default", false)), r.commands());
        r = Keys.handle(in(r.view(), Theme.builtIn("default")), new KeyStroke(KeyType.Escape));
        assertEquals(List.of(new Command.Theme("nord", false)), r.commands(), "Esc goes back, not saved");
        assertEquals(new ListMode(), r.view().mode());
    }

    @Test
    void typingFiltersAndPreviewsTheFirstMatch() {
        Theme active = Theme.builtIn("nord");
        View v = View.INITIAL.withMode(new ThemePicker("nord", "", "nord"));
        Keys.Result r = Keys.handle(in(v, active), ch('c'));
        assertEquals(new ThemePicker("nord", "c", "catppuccin-latte"), r.view().mode(), "nord has no c");
        assertEquals(List.of(new Command.Theme("catppuccin-latte", false)), themeCommands(r));
        r = Keys.handle(in(r.view(), active), ch('m'));
        assertEquals("catppuccin-mocha", ((ThemePicker) r.view().mode()).selected());
        r = Keys.handle(in(r.view(), active), ch('x'));
        assertEquals(
                new ThemePicker("nord", "cmx", "catppuccin-mocha"), r.view().mode(), "no match: the selection stays");
        assertEquals(List.of(), r.commands());
        Keys.Result none = Keys.handle(in(r.view(), active), new KeyStroke(KeyType.Enter));
        assertEquals(List.of(), none.commands(), "Enter with nothing matching keeps nothing");
        r = Keys.handle(in(r.view(), active), new KeyStroke(KeyType.Backspace));
        r = Keys.handle(in(r.view(), active), new KeyStroke(KeyType.Backspace));
        assertEquals("c", ((ThemePicker) r.view().mode()).filter());
        assertEquals(List.of(), r.commands(), "the selection still matches: no preview");
        assertEquals(
                List.of("catppuccin-latte", "catppuccin-mocha"),
                ThemePicker.matches("CAT", THEMES).stream().map(Theme::name).toList());
        assertEquals(
                List.of("catppuccin-mocha"),
                ThemePicker.matches("cat mo", THEMES).stream().map(Theme::name).toList());
        assertEquals(
                List.of("catppuccin-mocha"),
                ThemePicker.matches("cm", THEMES).stream().map(Theme::name).toList(),
                "letters in order, as in fzf");
    }

    @Test
    void rowsListTheMatchesWithSwatchesAndTheFooterTheFilter() {
        Theme active = Theme.builtIn("nord");
        View v = View.INITIAL.withMode(new ThemePicker("nord", "", "catppuccin-mocha"));
        List<Line> lines = Renderer.render(in(v, active));
        assertEquals(12, lines.size());
        for (Line l : lines) {
            assertEquals(30, Cells.width(l.text()));
        }
        assertEquals(" catppuccin-latte        ■■■■■", lines.get(2).text());
        assertEquals(" catppuccin-mocha        ■■■■■", lines.get(3).text());
        assertEquals(" nord                  * ■■■■■", lines.get(5).text(), "* the theme the picker opened on");
        assertEquals(active.color(Role.CURSOR), lines.get(3).spans().get(0).bg(), "the selection on the cursor colour");
        Line latte = lines.get(2);
        Theme l = Theme.builtIn("catppuccin-latte");
        assertEquals(
                List.of(
                        l.color(Role.ACCENT),
                        l.color(Role.RUNNING),
                        l.color(Role.WAITING),
                        l.color(Role.DONE),
                        l.color(Role.ERROR)),
                latte.spans().subList(latte.spans().size() - 5, latte.spans().size()).stream()
                        .map(Line.Span::fg)
                        .toList(),
                "swatches in the listed theme's own colours");
        assertEquals(" theme: ▏  ↑↓ ↵ Esc           ", lines.get(11).text());
        View none = View.INITIAL.withMode(new ThemePicker("nord", "zzz", "nord"));
        assertTrue(Renderer.render(in(none, active)).get(2).text().startsWith("  no theme matches"));
    }
}
