package dev.muxbar.theme;

/** What asking for a theme by name gave: shown (and saved), or why not — nothing changed then. */
public sealed interface ThemeResult {

    /** The user-facing text: what happened, or why not. */
    String message();

    /** Shown on every sidebar; {@code saved} when it is also kept for the current slot. */
    record Shown(String name, boolean saved) implements ThemeResult {
        @Override
        public String message() {
            return "theme " + name + (saved ? " (saved)" : " (shown)");
        }
    }

    /** No built-in or user theme has that name. */
    record NoSuchTheme(String message) implements ThemeResult {}

    /** The user's theme file of that name does not load (the field at fault is in the message). */
    record BrokenFile(String message) implements ThemeResult {}

    /** Shown, but the pick could not be saved. */
    record NotSaved(String message) implements ThemeResult {}
}
