package dev.muxbar.tmux;

/**
 * The tmux commands that make a place for an agent brought back after its pane, window or session
 * went: each starts the default shell in {@code cwd}, detached, and replies with the new pane's id
 * ({@code "$3 @7 %12"}: the session, window and pane ids). Names are the user's, passed as names ({@link TmuxQuote#name}: no format expands).
 */
public final class PlaceCommands {
    private PlaceCommands() {}

    private static final java.util.function.Function<java.util.List<String>, String> PANE_ID =
            lines -> lines.isEmpty() ? "" : lines.get(0).trim();
    private static final String IDS = " -P -F '#{session_id} #{window_id} #{pane_id}'";

    /** A new session {@code name} whose first window is {@code window}. */
    public static TmuxCommand<String> session(String name, String window, String cwd) {
        return new TmuxCommand<>(
                "new-session -d" + IDS + " -s " + TmuxQuote.name(name) + " -n " + TmuxQuote.name(window) + " -c "
                        + TmuxQuote.q(cwd),
                PANE_ID);
    }

    /** What pane {@code paneId} runs in its foreground now ({@code #{pane_current_command}}): the model's may lag. */
    public static TmuxCommand<String> foreground(String paneId) {
        return TmuxCommand.firstLine("display-message -p -t " + TmuxQuote.q(paneId) + " '#{pane_current_command}'");
    }

    /** Window {@code windowId} moved to index {@code index} of session {@code sessionId} (its place before a restart). */
    public static TmuxCommand<Void> moveWindow(String windowId, String sessionId, int index) {
        return TmuxCommand.effect(
                "move-window -d -s " + TmuxQuote.q(windowId) + " -t " + TmuxQuote.q(sessionId + ":" + index));
    }

    /** A new window at index {@code index} of session {@code sessionId}. */
    public static TmuxCommand<String> window(String sessionId, int index, String name, String cwd) {
        return new TmuxCommand<>(
                "new-window -d" + IDS + " -t " + TmuxQuote.q(sessionId + ":" + index) + " -n " + TmuxQuote.name(name)
                        + " -c " + TmuxQuote.q(cwd),
                PANE_ID);
    }

    /** A new pane in window {@code windowId}, split from its active pane. */
    public static TmuxCommand<String> pane(String windowId, String cwd) {
        return new TmuxCommand<>(
                "split-window -d" + IDS + " -t " + TmuxQuote.q(windowId) + " -c " + TmuxQuote.q(cwd), PANE_ID);
    }
}
