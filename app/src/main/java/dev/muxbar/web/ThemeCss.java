package dev.muxbar.web;

import dev.muxbar.theme.Color;
import dev.muxbar.theme.Rgb;
import dev.muxbar.theme.Role;
import dev.muxbar.theme.Theme;

/**
 * The active theme (in auto mode the dark and the light one) as CSS custom properties ({@code --background}, {@code --waiting}, … one per role),
 * so the page wears the sidebar's colours; a colour the terminal decides (its default, or one of its 16)
 * gets a neutral stand-in. Pure.
 */
final class ThemeCss {
    private ThemeCss() {}

    private static final String[] ANSI = {
        "#1e1e1e", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
        "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff"
    };

    static String of(Theme t) {
        return of(java.util.List.of(t));
    }

    /** One theme; or a dark and a light one, the device's appearance choosing ({@code prefers-color-scheme}). */
    static String of(java.util.List<Theme> themes) {
        String first = root(themes.get(0));
        if (themes.size() < 2) {
            return first;
        }
        return first + "@media (prefers-color-scheme: light) {\n" + root(themes.get(1)) + "}\n";
    }

    private static String root(Theme t) {
        StringBuilder sb = new StringBuilder(":root{");
        for (Role r : Role.values()) {
            sb.append("--")
                    .append(r.key())
                    .append(':')
                    .append(css(t.color(r), r))
                    .append(';');
        }
        return sb.append("}\n").toString();
    }

    private static String css(Color c, Role r) {
        if (c instanceof Rgb rgb) {
            return String.format("#%02x%02x%02x", rgb.r(), rgb.g(), rgb.b());
        } else if (c instanceof Color.Ansi a) {
            return ANSI[Math.max(0, Math.min(15, a.index()))];
        } else if (c instanceof Color.Indexed i) {
            Rgb rgb = dev.muxbar.theme.Xterm256.rgb(i.index());
            return String.format("#%02x%02x%02x", rgb.r(), rgb.g(), rgb.b());
        } else if (c instanceof Color.Default) {
            return r == Role.BACKGROUND || r == Role.SURFACE ? "#1e1e1e" : "#e5e5e5";
        }
        throw new AssertionError(c);
    }
}
