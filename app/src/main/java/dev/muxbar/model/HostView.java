package dev.muxbar.model;

import java.util.List;

/**
 * Another machine as the model shows it: its name (the user's ssh name), the link's {@code state}
 * ({@code connecting}, {@code up}, {@code needs-login}, {@code down}) since {@code since} (scheduler ms),
 * why it is not up ({@code reason}, "" when up), and the tmux servers with a muxbar reached there.
 */
public record HostView(String name, String state, long since, String reason, List<String> servers) {
    public HostView {
        servers = List.copyOf(servers);
    }

    public boolean up() {
        return state.equals("up");
    }
}
