package dev.muxbar.tmux;

import java.util.List;

/**
 * Which clients view a session, asked of tmux now — for a key whose model is a moment behind (a
 * client moved by a command of its own, whose notification has not come back yet).
 */
public final class ClientQuery {
    private ClientQuery() {}

    /** The clients viewing session {@code sessionId}, most recently active first; reply: their names. */
    public static TmuxCommand<List<String>> viewing(String sessionId) {
        return new TmuxCommand<>(
                "list-clients -F '#{client_activity} #{session_id} #{client_name}'",
                lines -> lines.stream()
                        .map(l -> l.split(" ", 3))
                        .filter(f -> f.length == 3 && f[1].equals(sessionId))
                        .sorted((a, b) -> Long.compare(parse(b[0]), parse(a[0])))
                        .map(f -> f[2])
                        .toList());
    }

    private static long parse(String n) {
        try {
            return Long.parseLong(n);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
