package dev.muxbar.theme;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The semantic colour roles of a theme, in the order the schema documents them (agent statuses
 * last). The key is the role's name in theme files ({@code "tool-running"}).
 */
public enum Role {
    BACKGROUND,
    SURFACE,
    TEXT,
    MUTED,
    ACCENT,
    CURRENT,
    CURSOR,
    BORDER,
    RUNNING,
    TOOL_RUNNING,
    WAITING,
    DONE,
    ERROR,
    INTERRUPTED,
    STALE,
    IDLE;

    // Made once: every cell of every frame asks a theme for a role's colour by this key.
    private final String key = name().toLowerCase(Locale.ROOT).replace('_', '-');
    private static final java.util.Map<String, Role> BY_KEY =
            Arrays.stream(values()).collect(java.util.stream.Collectors.toUnmodifiableMap(Role::key, r -> r));

    /** The name in theme files. */
    public String key() {
        return key;
    }

    /** The role named {@code key} in a theme file (an agent status label is one too), or null. */
    public static Role of(String key) {
        return key == null ? null : BY_KEY.get(key);
    }

    /** Every key, in order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Role::key).toList();
    }
}
