package dev.muxbar.sidebar.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.text.Cells;
import dev.muxbar.theme.Color;
import dev.muxbar.theme.Role;
import dev.muxbar.theme.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code t}: the theme picker. Typing filters the names, ↑/↓ move {@code selected} and preview it on
 * every sidebar, Enter keeps it, Esc goes back to {@code original}. Its rows replace the session list:
 *
 * <pre>
 *  catppuccin-latte    ■■■■■     one row per matching theme: its name and five of its colours
 *  catppuccin-mocha  * ■■■■■     (* the theme active when the picker opened), the selected row
 *  …                             on the cursor colour
 *  theme: cat▏  ↑↓ ↵ Esc         footer: the filter being typed
 * </pre>
 */
public record ThemePicker(String original, LineEdit line, String selected) implements Mode {

    public ThemePicker(String original, String filter, String selected) {
        this(original, LineEdit.of(filter), selected);
    }

    public String filter() {
        return line.text();
    }

    /** Roles shown as swatches after each name. */
    public static final List<Role> SWATCHES = List.of(Role.ACCENT, Role.RUNNING, Role.WAITING, Role.DONE, Role.ERROR);

    /**
     * Themes whose name holds the letters of every space-separated word of the filter in order (as
     * fzf does: {@code cm} finds catppuccin-mocha), ignoring case.
     */
    public static List<Theme> matches(String filter, List<Theme> themes) {
        String[] words = filter.toLowerCase(Locale.ROOT).trim().split("\\s+");
        List<Theme> out = new ArrayList<>();
        for (Theme t : themes) {
            boolean all = true;
            for (String w : words) {
                all &= inOrder(w, t.name());
            }
            if (all) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean inOrder(String letters, String name) {
        int at = 0;
        for (int i = 0; i < letters.length() && at >= 0; i++) {
            at = name.indexOf(letters.charAt(i), at);
            at = at < 0 ? -1 : at + 1;
        }
        return at >= 0;
    }

    @Override
    public Keys.Result key(Renderer.Input in, KeyStroke k) {
        View v = in.view();
        List<Theme> themes = in.themes();
        ThemePicker p = this;
        KeyType type = k.getKeyType();
        if (Keys.isEnter(k)) {
            List<Theme> shown = matches(p.filter(), themes);
            return shown.isEmpty()
                    ? Keys.Result.of(v)
                    : Keys.Result.of(v.withMode(new ListMode()), new Command.Theme(selected(p, shown), true));
        }
        if (type == KeyType.Escape) {
            return Keys.Result.of(v.withMode(new ListMode()), new Command.Theme(p.original(), false));
        }
        if (type == KeyType.ArrowDown || type == KeyType.ArrowUp) {
            List<Theme> shown = matches(p.filter(), themes);
            if (shown.isEmpty()) {
                return Keys.Result.of(v);
            }
            int i = indexOf(shown, selected(p, shown)) + (type == KeyType.ArrowDown ? 1 : -1);
            String next = shown.get(Math.max(0, Math.min(shown.size() - 1, i))).name();
            return preview(v, new ThemePicker(p.original(), p.line(), next), p.selected());
        }
        LineEdit edited = p.line().apply(k, Keys.MAX_PROMPT);
        if (edited == null) {
            return Keys.Result.of(v);
        }
        List<Theme> shown = matches(edited.text(), themes);
        String next =
                shown.isEmpty() ? p.selected() : selected(new ThemePicker(p.original(), edited, p.selected()), shown);
        return preview(v, new ThemePicker(p.original(), edited, next), p.selected());
    }

    /** The new mode, and a preview when the selection moved. */
    private static Keys.Result preview(View v, ThemePicker next, String before) {
        return next.selected().equals(before)
                ? Keys.Result.of(v.withMode(next))
                : Keys.Result.of(v.withMode(next), new Command.Theme(next.selected(), false));
    }

    /** The selected theme if it matches the filter, else the first match. */
    private static String selected(ThemePicker p, List<Theme> shown) {
        return indexOf(shown, p.selected()) >= 0 ? p.selected() : shown.get(0).name();
    }

    private static int indexOf(List<Theme> shown, String name) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Exactly {@code rows} lines: the matching themes, scrolled to keep the selection in view. */
    @Override
    public Optional<List<Line>> over(Renderer.Input in, int rows) {
        return Optional.of(rows(this, in.themes(), rows, in.width(), in.theme()));
    }

    public static List<Line> rows(ThemePicker p, List<Theme> themes, int rows, int w, Theme t) {
        Color bg = t.color(Role.BACKGROUND);
        List<Theme> shown = matches(p.filter(), themes);
        List<Line> out = new ArrayList<>(rows);
        int sel = shown.isEmpty() ? -1 : indexOf(shown, selected(p, shown));
        int top = Math.max(0, Math.min(sel - rows / 2, shown.size() - rows));
        for (int row = 0; row < rows; row++) {
            int i = top + row;
            if (i < shown.size()) {
                out.add(row(shown.get(i), i == sel, shown.get(i).name().equals(p.original()), w, t));
            } else if (shown.isEmpty() && row == 0) {
                out.add(new Line.Builder(w, bg)
                        .add("  no theme matches", t.color(Role.MUTED), bg, false)
                        .build());
            } else {
                out.add(new Line.Builder(w, bg).build());
            }
        }
        return out;
    }

    private static Line row(Theme theme, boolean selected, boolean original, int w, Theme t) {
        Color bg = selected ? t.color(Role.CURSOR) : t.color(Role.BACKGROUND);
        Line.Builder b = new Line.Builder(w, bg, t.color(Role.TEXT));
        String mark = original ? " *" : "  ";
        int nameCells = Math.max(1, w - 1 - mark.length() - 1 - SWATCHES.size());
        b.add(
                " " + Cells.pad(theme.name(), nameCells),
                selected ? t.color(Role.ACCENT) : t.color(Role.TEXT),
                bg,
                selected);
        b.add(mark + " ", t.color(Role.MUTED), bg, false);
        for (Role role : SWATCHES) {
            b.add("■", theme.color(role), bg, false);
        }
        return b.build();
    }

    @Override
    public Line footer(Renderer.Input in) {
        return footer(this, in.width(), in.theme());
    }

    public static Line footer(ThemePicker p, int w, Theme t) {
        Color bg = t.color(Role.BACKGROUND);
        String hint = "  ↑↓ ↵ Esc";
        int room = Math.max(1, w - Cells.width(" theme: ") - 1 - Cells.width(hint));
        return new Line.Builder(w, bg)
                .add(" theme: ", t.color(Role.ACCENT), bg, true)
                .add(p.line().shown(room), t.color(Role.TEXT), bg, false)
                .add(hint, t.color(Role.MUTED), bg, false)
                .build();
    }
}
