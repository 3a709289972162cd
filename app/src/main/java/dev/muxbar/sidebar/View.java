package dev.muxbar.sidebar;

/**
 * One sidebar's own view state: which row the cursor is on (by session id, so it follows the
 * session when the order changes) and the first shown row.
 */
public record View(String cursorSessionId, int scroll) {
    public static final View INITIAL = new View("", 0);

    public View withCursor(String sessionId) {
        return new View(sessionId, scroll);
    }

    public View withScroll(int top) {
        return new View(cursorSessionId, Math.max(0, top));
    }
}
