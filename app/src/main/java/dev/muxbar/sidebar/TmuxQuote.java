package dev.muxbar.sidebar;

/** Quoting for tmux command lines sent over control mode. */
final class TmuxQuote {
    private TmuxQuote() {}

    /**
     * A single-quoted tmux word. Single quotes stop tmux's {@code $VAR} and {@code ~} expansion, which
     * matters for targets like {@code $3}. Only ids, client names and paths go through here; a value
     * holding a quote or a line break is refused rather than guessed at.
     */
    static String q(String s) {
        if (s.indexOf('\'') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("cannot quote for tmux: " + s);
        }
        return "'" + s + "'";
    }
}
