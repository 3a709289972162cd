package dev.muxbar.theme;

import java.util.Locale;

/**
 * Where a theme pick is kept: one theme when auto mode is off, one per system appearance when it
 * is on. The key is the name in theme.json and in {@code GET /themes}; the option is the tmux
 * option that configures the slot.
 */
public enum ThemeSlot {
    FIXED("@muxbar-theme"),
    DARK("@muxbar-theme-dark"),
    LIGHT("@muxbar-theme-light");

    private final String option;

    ThemeSlot(String option) {
        this.option = option;
    }

    /** {@code fixed}, {@code dark}, {@code light}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String option() {
        return option;
    }
}
