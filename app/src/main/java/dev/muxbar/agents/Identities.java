package dev.muxbar.agents;

import java.util.Map;

/**
 * What each pane runs, as {@link Identity} tells it: {@code agents}, the agent known by its process
 * ({@code %3 → claude}); {@code remotes}, the panes whose foreground program is elsewhere
 * ({@code %4 → ssh devbox}), whose agent only their screen can tell.
 */
public record Identities(Map<String, String> agents, Map<String, Remote> remotes) {
    public static final Identities NONE = new Identities(Map.of(), Map.of());

    public Identities {
        agents = Map.copyOf(agents);
        remotes = Map.copyOf(remotes);
    }

    /** Agents known by their process only, no remotes. */
    public static Identities of(Map<String, String> agents) {
        return new Identities(agents, Map.of());
    }
}
