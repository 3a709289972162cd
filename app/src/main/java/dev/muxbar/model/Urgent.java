package dev.muxbar.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where the next-attention key goes: a session here or on another machine whose agent needs the user,
 * with that agent ({@code urgency}: its {@link Agent#urgency}).
 */
public sealed interface Urgent {
    int urgency();

    /** A shown session here. */
    record Here(String sessionId, int urgency) implements Urgent {}

    /** A session of a connected machine, and the pane of its most urgent agent there. */
    record There(String host, RemoteSession session, String pane, int urgency) implements Urgent {}

    /**
     * Every session needing the user, here and on the machines that are up, most urgent first; on a
     * tie here first, then in the list's order.
     */
    static List<Urgent> of(Model m) {
        List<Urgent> out = new ArrayList<>();
        for (Snapshot.Session s : m.needingAttention()) {
            int u = m.agentsOf(s.id()).stream()
                    .filter(Agent::needsAttention)
                    .mapToInt(Agent::urgency)
                    .max()
                    .orElse(0);
            out.add(new Here(s.id(), u));
        }
        for (HostView h : m.hosts()) {
            if (!h.up()) {
                continue; // the last state seen of a machine not reachable: nothing to go to
            }
            for (RemoteSession s : h.sessions()) {
                s.agents().stream()
                        .filter(Agent::needsAttention)
                        .max(Comparator.comparingInt(Agent::urgency))
                        .ifPresent(a -> out.add(new There(h.name(), s, a.pane(), a.urgency())));
            }
        }
        out.sort(Comparator.comparingInt((Urgent u) -> -u.urgency())); // stable: ties keep their order
        return out;
    }
}
