package dev.muxbar.resume;

import dev.muxbar.tmux.TmuxQuote;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The line typed into a pane's shell to bring an agent back: {@code cd 'CWD' && env 'K=V' … 'argv0'
 * 'arg' …} — every word single-quoted for the shell (POSIX quoting, which bash, zsh, fish and dash
 * read alike), the environment through {@code env} so no shell's own syntax for it is needed. Typed
 * rather than run by tmux, so the user's shell stays when the agent ends, as when they started it.
 */
public final class ResumeLine {
    private ResumeLine() {}

    public static String of(String cwd, Map<String, String> env, List<String> argv) {
        StringBuilder b = new StringBuilder("cd ").append(TmuxQuote.sh(cwd)).append(" && env");
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
                throw new IllegalArgumentException("not an environment variable name: " + e.getKey());
            }
            if (e.getValue().chars().anyMatch(c -> c == '\n' || c == '\r')) {
                throw new IllegalArgumentException("a value with a line break cannot be typed into a shell");
            }
            b.append(' ').append(TmuxQuote.sh(e.getKey() + "=" + e.getValue()));
        }
        if (!argv.isEmpty() && argv.get(0).contains("=")) {
            b.append(" --"); // a program whose name holds '=' would read as one more variable
        }
        for (String a : argv) {
            if (a.chars().anyMatch(c -> c == '\n' || c == '\r')) {
                throw new IllegalArgumentException("an argument with a line break cannot be typed into a shell");
            }
            b.append(' ').append(TmuxQuote.sh(a));
        }
        return b.toString();
    }
}
