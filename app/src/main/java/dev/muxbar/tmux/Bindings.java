package dev.muxbar.tmux;

import dev.muxbar.model.Seat;
import java.util.List;
import java.util.Optional;

/**
 * What muxbar's switch keys run, as tmux command text for {@link Commands#bind}, and how to tell
 * such a binding in {@code list-keys} output from a user's. Session ids ({@code $3}) are the only
 * targets: names never are.
 */
public final class Bindings {
    private Bindings() {}

    /**
     * A native switch to session {@code id} that falls back to {@code fallback} when the session is
     * gone (the daemon died and the order changed since): tmux checks it with a format, no process.
     * {@code if-shell -F '#{S:…}' { switch-client -t '$3' } { run-shell … }}
     */
    public static String nativeSwitch(String id, String fallback, Optional<Seat> seat) {
        return "if-shell -F '" + exists(sessionId(id)) + "' { " + switchTo(id, seat) + " } { " + fallback + " }";
    }

    /**
     * {@code switch-client -t '$3'}, preceded by moving the daemon's control client out when it sits
     * in {@code $3} ({@link Seat}): {@code if-shell -F 1 { switch-client -c 'client-9' -t '$5' } ;
     * switch-client -t '$3'}. The move is wrapped so that its failure (a daemon that died, a session
     * gone since) is its own command group: tmux drops the rest of a group after an error, and the
     * user's switch must happen whatever becomes of the move.
     */
    static String switchTo(String id, Optional<Seat> seat) {
        String to = "switch-client -t '" + sessionId(id) + "'";
        Optional<String> away = seat.flatMap(s -> s.leaveBefore(id));
        if (away.isEmpty() || !seat.get().client().matches("client-[0-9]+")) {
            return to;
        }
        return "if-shell -F 1 { switch-client -c '" + seat.get().client() + "' -t '" + sessionId(away.get()) + "' } ; "
                + to;
    }

    /** A format that is non-empty while session {@code id} exists. */
    public static String exists(String id) {
        return "#{S:#{?#{==:#{session_id}," + sessionId(id) + "},1,}}";
    }

    /**
     * The next-attention key for sessions needing the user, most urgent first; a client already at
     * the first goes to the second. Decided by tmux with a format, no fork:
     * {@code if-shell -F '#{==:#{session_id},$3}' { switch-client -t '$5' } { switch-client -t '$3' }}
     */
    public static String next(List<String> urgentIds, Optional<Seat> seat) {
        if (urgentIds.isEmpty()) {
            return "display-message 'muxbar: no agent needs you'";
        }
        String first = sessionId(urgentIds.get(0));
        if (urgentIds.size() == 1) {
            String to = switchTo(first, seat);
            return to.contains(";") ? "{ " + to + " }" : to; // braced: a ';' would end the bind-key command
        }
        return "if-shell -F '#{==:#{session_id}," + first + "}' { " + switchTo(urgentIds.get(1), seat) + " } { "
                + switchTo(first, seat) + " }";
    }

    /**
     * The shell fast path: {@code run-shell -b "'…/switch-index' 3 '#{client_tty}'"} ({@code next} for
     * the next key). The path is one sh word, its {@code #} doubled for run-shell's formats, and the
     * whole argument quoted for tmux: an install path may hold quotes, spaces, {@code $} or {@code #}.
     */
    public static String script(String script, String row) {
        if (!row.matches("[0-9]+|next")) {
            throw new IllegalArgumentException("cannot bind " + script + " " + row);
        }
        return "run-shell -b " + TmuxQuote.q(TmuxQuote.sh(script).replace("#", "##") + " " + row + " '#{client_tty}'");
    }

    /**
     * A request to the daemon from a key, through {@code scripts/muxbar-api} (one curl, no JVM):
     * {@code run-shell -b "'…/muxbar-api' POST '/next?client=#{client_tty}'"}; {@code path} may hold
     * formats tmux fills in (the client's tty), nothing else.
     */
    public static String api(String script, String method, String path) {
        if (!method.matches("GET|POST") || !path.matches("/[a-z/]+(\\?[a-z]+=#\\{client_tty\\})?")) {
            throw new IllegalArgumentException("cannot bind " + method + " " + path);
        }
        return "run-shell -b "
                + TmuxQuote.q(TmuxQuote.sh(script).replace("#", "##") + " " + method + " '" + path + "'");
    }

    /**
     * Whether a {@code list-keys} line is a binding muxbar made: the script path, a native switch to a
     * session id, the next-attention key's commands. An unbound key (empty) is not: the plugin bound
     * it, so someone unbound it since.
     */
    public static boolean isMuxbars(String listKeysLine) {
        String l = listKeysLine.strip();
        return l.contains("/switch-index'")
                || l.contains("/muxbar-api' POST '/next?")
                || l.contains("muxbar: no agent needs you")
                || l.matches(".* switch-client -t \"\\$[0-9]+\"")
                || l.matches(".* if-shell -F \"#\\{==:#\\{session_id\\},\\$[0-9]+\\}\" .*switch-client.*");
    }

    private static String sessionId(String id) {
        if (!id.matches("\\$[0-9]+")) {
            throw new IllegalArgumentException("not a session id: " + id);
        }
        return id;
    }
}
