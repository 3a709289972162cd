package dev.muxbar.theme;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The semantic colour roles of a theme, in the order the schema documents them (agent statuses
 * last). The key is the role's name in theme files ({@code "tool-running"}).
 */
public enum Role {
    BACKGROUND, SURFACE, TEXT, MUTED, ACCENT, CURRENT, CURSOR, BORDER,
    RUNNING, TOOL_RUNNING, WAITING, DONE, ERROR, INTERRUPTED, STALE, IDLE;

    /** The name in theme files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The role named {@code key} in a theme file (an agent status label is one too), or null. */
    public static Role of(String key) {
        return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst().orElse(null);
    }

    /** Every key, in order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Role::key).toList();
    }
}
