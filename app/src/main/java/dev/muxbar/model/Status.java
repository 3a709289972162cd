package dev.muxbar.model;

import java.util.Locale;

/** What an agent is doing, as the sidebar shows it. The order is not meaningful; {@link #urgency} is. */
public enum Status {
    IDLE,
    RUNNING,
    TOOL_RUNNING,
    WAITING,
    DONE,
    ERROR,
    INTERRUPTED,
    STALE;

    // Asked for on every row, frame and event line: made once.
    private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The wire and theme name: {@code tool-running} (also in JSON). */
    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return label;
    }

    /** Parses a wire name ({@code tool-running} or {@code tool_running}); null when unknown. */
    public static Status parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A turn ended: done, error or interrupted. These can be unseen. */
    public boolean terminal() {
        return this == DONE || this == ERROR || this == INTERRUPTED;
    }

    /** Working: shown with a spinner. */
    public boolean busy() {
        return this == RUNNING || this == TOOL_RUNNING;
    }

    /**
     * Higher needs the user sooner: waiting &gt; error &gt; done/interrupted (when unseen) &gt; running &gt;
     * stale &gt; the rest.
     */
    public int urgency(boolean unseen) {
        return switch (this) {
            case WAITING -> 60;
            case ERROR -> unseen ? 55 : 25;
            case DONE, INTERRUPTED -> unseen ? 50 : 20;
            case TOOL_RUNNING -> 41;
            case RUNNING -> 40;
            case STALE -> 30;
            case IDLE -> 10;
        };
    }
}
