package dev.muxbar.agents;

import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Snapshot.Pane;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.model.Snapshot.Window;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Which agent each pane runs ({@code %3 → claude}), from its current command, or for runtimes
 * (node, python, …) from the command line of that process; and which panes are elsewhere
 * ({@link Remote}: ssh, mosh, a container), from the command line of their foreground program.
 * Lookups are cached per pane, shell pid and command, so {@code /proc} is read only when a pane
 * starts something new.
 */
public final class Identity implements Function<Snapshot, Identities> {

    private final AgentRules rules;
    private final Processes processes;
    private Map<String, Cached> cache = new HashMap<>();

    private record Cached(long pid, String command, String agent, Remote remote) {}

    public Identity(AgentRules rules, Processes processes) {
        this.rules = rules;
        this.processes = processes;
    }

    @Override
    public Identities apply(Snapshot s) {
        Map<String, String> out = new HashMap<>();
        Map<String, Remote> remotes = new HashMap<>();
        Map<String, Cached> next = new HashMap<>();
        for (Session session : s.sessions()) {
            for (Window w : session.windows()) {
                for (Pane p : w.panes()) {
                    if (p.sidebar() || p.command().isEmpty()) {
                        continue;
                    }
                    String agent = rules.byProcess(p.command());
                    if (agent == null && AgentRules.isRuntime(p.command())) {
                        Cached c = cache.get(p.id());
                        if (c == null || c.pid() != p.pid() || !c.command().equals(p.command())) {
                            String line = processes.commandLineOfDescendant(p.pid(), p.command());
                            c = new Cached(p.pid(), p.command(), line == null ? null : rules.byCommandLine(line), null);
                        }
                        next.put(p.id(), c); // only live panes stay cached
                        agent = c.agent();
                    } else if (agent == null && Remote.program(p.command())) {
                        // Keyed by the foreground program, not the shell: `ssh a`, then `ssh b` in one shell.
                        long fg = processes.foregroundOf(p.pid());
                        long who = fg > 0 ? fg : p.pid();
                        Cached c = cache.get(p.id());
                        if (c == null || c.pid() != who || !c.command().equals(p.command())) {
                            c = new Cached(who, p.command(), null, Remote.of(processes.arguments(who)));
                        }
                        next.put(p.id(), c);
                        if (c.remote() != null) {
                            remotes.put(p.id(), c.remote());
                        }
                    }
                    if (agent != null) {
                        out.put(p.id(), agent);
                    }
                }
            }
        }
        cache = next;
        return new Identities(out, remotes);
    }
}
