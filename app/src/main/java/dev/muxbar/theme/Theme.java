package dev.muxbar.theme;

import dev.muxbar.text.Cells;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A theme: one colour per semantic role, optional glyph overrides, and whether it is meant for a
 * dark or a light terminal. Built by {@link ThemeFile}, which validates and fills optional roles.
 *
 * @param appearance {@code dark}, {@code light}, or {@code any} (the {@code terminal} theme)
 */
public record Theme(
        String name, String description, String appearance, Map<String, Color> colors, Map<String, String> glyphs) {

    /** Roles every theme file must define. */
    public static final List<String> REQUIRED =
            List.of("background", "text", "accent", "running", "waiting", "done", "error");

    /** Every role's key, in the order the schema documents them ({@link Role}). */
    public static final List<String> ROLES = Role.keys();

    /** Glyphs a theme may override, with muxbar's own; each is one cell wide ({@code spinner}: its frames). */
    public static final Map<String, String> GLYPHS = orderedMap(
            "current",
            "▎",
            "unseen",
            "•",
            "spinner",
            "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏",
            "waiting",
            "?",
            "question",
            "¿",
            "plan",
            "¶",
            "done",
            "✓",
            "error",
            "✗",
            "interrupted",
            "!",
            "stale",
            "~",
            "idle",
            "·");

    public Theme {
        colors = Map.copyOf(colors);
        glyphs = Map.copyOf(glyphs);
        for (String role : ROLES) {
            if (!colors.containsKey(role)) {
                throw new IllegalArgumentException("theme " + name + " has no role " + role);
            }
        }
    }

    public Color color(Role role) {
        Color c = colors.get(role.key());
        if (c == null) {
            throw new IllegalArgumentException("theme " + name + " has no role " + role.key());
        }
        return c;
    }

    /** The theme's glyph for {@code key} (one of {@link #GLYPHS}), or muxbar's own. */
    public String glyph(String key) {
        String g = glyphs.get(key);
        return g != null ? g : GLYPHS.get(key);
    }

    /** True when every colour is 24-bit (the contrast check can judge it). */
    public boolean allRgb() {
        return colors.values().stream().allMatch(c -> c instanceof Rgb);
    }

    /** A built-in theme from the jar; {@link IllegalArgumentException} when there is none. */
    public static Theme builtIn(String name) {
        return BuiltInThemes.load(name);
    }

    /** True when {@code s} is a glyph a sidebar can draw in exactly one cell per code point. */
    static boolean oneCellEach(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(cp -> !Character.isISOControl(cp) && Cells.width(cp) == 1);
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
