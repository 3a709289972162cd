package dev.muxbar.theme;

import java.util.List;

/** The themes as the sidebar's picker sees them ({@link ThemeService}). */
public interface ThemeChoices {

    /** The theme shown now. */
    Theme current();

    /** Every theme to choose from, sorted by name (user files re-read if they changed). */
    List<Theme> all();

    /** Shows {@code name} on every sidebar, saving it when {@code keep}. */
    ThemeResult set(String name, boolean keep);
}
