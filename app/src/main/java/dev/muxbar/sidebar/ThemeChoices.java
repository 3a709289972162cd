package dev.muxbar.sidebar;

import dev.muxbar.theme.Theme;
import dev.muxbar.theme.ThemeResult;
import java.util.List;

/** The daemon's themes as the picker sees them (the theme service, wired by the daemon). */
public interface ThemeChoices {

    /** The theme shown now. */
    Theme current();

    /** Every theme to choose from, sorted by name (user files re-read if they changed). */
    List<Theme> all();

    /** Shows {@code name} on every sidebar, saving it when {@code keep}. */
    ThemeResult set(String name, boolean keep);
}
