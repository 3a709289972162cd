package dev.muxbar.tmux;

/**
 * tmux command lines the daemon sends, built in one place with every argument quoted
 * ({@link TmuxQuote#q}). Callers pass ids and names; they never assemble command text.
 */
public final class Commands {
    private Commands() {}

    /** {@code switch-client -c CLIENT -t SESSION}: moves one client (by name) to a session (by id). */
    public static String switchClient(String client, String sessionId) {
        return "switch-client -c " + TmuxQuote.q(client) + " -t " + TmuxQuote.q(sessionId);
    }
}
