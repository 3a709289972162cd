package dev.muxbar.tmux;

import java.util.ArrayList;
import java.util.List;

/**
 * The argv of a {@code tmux} client that attaches to a session of another machine's tmux server (run
 * there through ssh, each word quoted for its shell by the caller): {@code tmux -S SOCKET
 * [select-window -t %P ; select-pane -t %P ;] attach-session -t =NAME} — {@code =} so the name is
 * matched exactly, never as a prefix or a pattern.
 */
public final class AttachArgs {
    private AttachArgs() {}

    public static List<String> of(String socket, String session, String pane) {
        List<String> words = new ArrayList<>(List.of("tmux", "-S", socket));
        if (pane.matches("%[0-9]{1,9}")) {
            words.addAll(List.of("select-window", "-t", pane, ";", "select-pane", "-t", pane, ";"));
        }
        words.addAll(List.of("attach-session", "-t", "=" + session));
        return words;
    }
}
