package dev.muxbar.model;

import java.util.List;

/**
 * A session on another machine, as that machine's muxbar shows it: the tmux server it is in there
 * ({@code server}, that server's socket path), its name, windows, whether a client is attached there,
 * and its agents (their pane and session ids are the other machine's; {@code host} names it).
 */
public record RemoteSession(String server, String name, int windows, boolean attached, List<Agent> agents) {
    public RemoteSession {
        agents = List.copyOf(agents);
    }
}
