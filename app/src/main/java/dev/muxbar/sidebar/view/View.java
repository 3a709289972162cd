package dev.muxbar.sidebar.view;

/**
 * One sidebar's own view state: the cursor (by session id, so it follows the session when the
 * order changes), the first shown row, the mode keys are in ({@link Mode}), the filter, and the agent
 * the cursor is on in the detail panel.
 */
public record View(String cursorSessionId, int scroll, Mode mode, Filter filter, int agent) {
    public static final View INITIAL = new View("", 0, new ListMode());

    public View(String cursorSessionId, int scroll, Mode mode) {
        this(cursorSessionId, scroll, mode, Filter.ALL, -1);
    }

    /** Which sessions the list shows ({@code f} cycles): all, those with agents, those needing the user. */
    public enum Filter {
        ALL,
        AGENTS,
        ATTENTION;

        public Filter next() {
            return values()[(ordinal() + 1) % values().length];
        }
    }

    /** The cursor on a session row (leaves the agent list). */
    public View withCursor(String sessionId) {
        return new View(sessionId, scroll, mode, filter, -1);
    }

    public View withScroll(int top) {
        return new View(cursorSessionId, Math.max(0, top), mode, filter, agent);
    }

    public View withMode(Mode m) {
        return new View(cursorSessionId, scroll, m, filter, agent);
    }

    public View withFilter(Filter f) {
        return new View(cursorSessionId, 0, mode, f, -1);
    }

    /** The cursor on the {@code index}-th agent of the selected session's detail panel (-1: on the session row). */
    public View withAgent(int index) {
        return new View(cursorSessionId, scroll, mode, filter, index);
    }
}
