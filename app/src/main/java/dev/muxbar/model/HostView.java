package dev.muxbar.model;

import java.util.List;

/**
 * Another machine as the model shows it: its name (the user's ssh name), the link's {@code state}
 * ({@code connecting}, {@code up}, {@code stalled} — up, but a daemon there does not answer —,
 * {@code needs-login}, {@code down}) since {@code since} (scheduler ms),
 * why it is not up ({@code reason}, "" when up), the tmux servers with a muxbar reached there, and
 * their sessions (the last ones seen while the host is down).
 */
public record HostView(
        String name, String state, long since, String reason, List<String> servers, List<RemoteSession> sessions) {
    public HostView {
        servers = List.copyOf(servers);
        sessions = List.copyOf(sessions);
    }

    public HostView(String name, String state, long since, String reason, List<String> servers) {
        this(name, state, since, reason, servers, List.of());
    }

    /** The same host with these sessions. */
    public HostView with(List<RemoteSession> now) {
        return new HostView(name, state, since, reason, servers, now);
    }

    public boolean up() {
        return state.equals("up");
    }
}
