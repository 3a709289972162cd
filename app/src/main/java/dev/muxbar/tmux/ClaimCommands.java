package dev.muxbar.tmux;

import java.util.List;

/**
 * The tmux commands of the daemon's claim on its tmux server ({@code daemon.ServerClaim}), as argv
 * for a {@code tmux -S socket} process: there is no control client yet when a daemon claims.
 */
public final class ClaimCommands {
    private ClaimCommands() {}

    /** The option that holds the claim. */
    static final String OPTION = "@muxbar-daemon";

    /** The claim now. */
    public static List<String> show() {
        return List.of("show-options", "-gqv", OPTION);
    }

    /**
     * In one step: when the claim is {@code from} ("" = unset), make it {@code to} and export
     * {@code runtimeDir} as {@code MUXBAR_RUNTIME_DIR}; then print the claim. An {@code if-shell -F}
     * runs its command before any other client's, so two daemons cannot both win.
     */
    public static List<String> setIf(String from, String to, String runtimeDir) {
        return List.of(
                "if-shell",
                "-F",
                is(from),
                "set-option -g " + OPTION + " " + TmuxQuote.q(to) + " ; set-environment -g MUXBAR_RUNTIME_DIR "
                        + TmuxQuote.q(runtimeDir),
                ";",
                "show-options",
                "-gqv",
                OPTION);
    }

    /** Unsets the claim when it is still {@code mine}. */
    public static List<String> release(String mine) {
        return List.of("if-shell", "-F", is(mine), "set-option -gu " + OPTION);
    }

    /** A format that is 1 when the claim is exactly {@code value}. */
    static String is(String value) {
        return "#{==:#{" + OPTION + "}," + literal(value) + "}";
    }

    /** Text as a format argument: {@code #} doubled and {@code ,} / {@code }} escaped, so it is taken literally. */
    static String literal(String s) {
        return s.replace("#", "##").replace(",", "#,").replace("}", "#}");
    }
}
