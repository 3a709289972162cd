package dev.muxbar.tmux;

/** Quoting for tmux command lines sent over control mode. */
public final class TmuxQuote {
    private TmuxQuote() {}

    /**
     * A single-quoted tmux word. Single quotes stop tmux's {@code $VAR} and {@code ~} expansion, which
     * matters for targets like {@code $3}. Only ids, client names and paths go through here; a value
     * holding a quote or a line break is refused rather than guessed at.
     */
    public static String q(String s) {
        if (s.indexOf('\'') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("cannot quote for tmux: " + s);
        }
        return "'" + s + "'";
    }

    /**
     * A user-typed name as a double-quoted tmux word for a command that expands formats in it
     * ({@code new-session -s}, {@code rename-session}): {@code \ " $} are escaped for the parser and
     * {@code #} doubled so no format is expanded. Control characters are refused.
     */
    public static String name(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                throw new IllegalArgumentException("a name cannot hold control characters");
            }
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("#", "##") + "\"";
    }
}
