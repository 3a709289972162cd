package dev.muxbar.model;

import dev.muxbar.model.Snapshot.Session;
import java.util.List;
import java.util.Set;

/**
 * What subscribers receive: the snapshot, the order book, the sessions in shown order (line N of the
 * ordering file is {@code shown.get(N-1)}), the agents in panes, the sessions whose attention
 * alerts are muted, the user's other {@link Choices} (sidebars, width, the notice), what scripts
 * said about sessions ({@link Meta}, by session id), the other machines ({@link HostView}), and the
 * agents remembered that can be brought back ({@link Resumable}), and what the agents' processes cost
 * ({@link Cost}, by pane).
 */
public record Model(
        Snapshot snapshot,
        OrderBook order,
        List<Session> shown,
        List<Agent> agents,
        Set<String> muted,
        Choices choices,
        java.util.Map<String, Meta> meta,
        List<HostView> hosts,
        List<Resumable> resumable,
        java.util.Map<String, Cost> costs,
        java.util.Map<String, Usage> usage) {
    // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x (RecordEqualityTest)
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Model o
                && java.util.Objects.equals(snapshot, o.snapshot)
                && java.util.Objects.equals(order, o.order)
                && java.util.Objects.equals(shown, o.shown)
                && java.util.Objects.equals(agents, o.agents)
                && java.util.Objects.equals(muted, o.muted)
                && java.util.Objects.equals(choices, o.choices)
                && java.util.Objects.equals(meta, o.meta)
                && java.util.Objects.equals(hosts, o.hosts)
                && java.util.Objects.equals(resumable, o.resumable)
                && java.util.Objects.equals(costs, o.costs)
                && java.util.Objects.equals(usage, o.usage);
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(snapshot);
        h = 31 * h + java.util.Objects.hashCode(order);
        h = 31 * h + java.util.Objects.hashCode(shown);
        h = 31 * h + java.util.Objects.hashCode(agents);
        h = 31 * h + java.util.Objects.hashCode(muted);
        h = 31 * h + java.util.Objects.hashCode(choices);
        h = 31 * h + java.util.Objects.hashCode(meta);
        h = 31 * h + java.util.Objects.hashCode(hosts);
        h = 31 * h + java.util.Objects.hashCode(resumable);
        h = 31 * h + java.util.Objects.hashCode(costs);
        h = 31 * h + java.util.Objects.hashCode(usage);
        return h;
    }

    public Model {
        shown = List.copyOf(shown);
        agents = List.copyOf(agents);
        muted = Set.copyOf(muted);
        meta = java.util.Map.copyOf(meta);
        hosts = List.copyOf(hosts);
        resumable = resumable == null ? List.of() : List.copyOf(resumable);
        costs = costs == null ? java.util.Map.of() : java.util.Map.copyOf(costs);
        usage = usage == null ? java.util.Map.of() : java.util.Map.copyOf(usage);
    }

    /** The agents on the other machines (their sessions' agents, host by host). */
    public List<Agent> remoteAgents() {
        if (hosts.isEmpty()) {
            return List.of();
        }
        List<Agent> out = new java.util.ArrayList<>();
        for (HostView h : hosts) {
            for (RemoteSession s : h.sessions()) {
                out.addAll(s.agents());
            }
        }
        return out;
    }

    /** What scripts said about a session (empty when nothing). */
    public Meta metaOf(String sessionId) {
        return meta.getOrDefault(sessionId, Meta.EMPTY);
    }

    public static Model of(Snapshot snapshot, OrderBook order) {
        return of(snapshot, order, List.of(), Set.of());
    }

    public static Model of(Snapshot snapshot, OrderBook order, List<Agent> agents, Set<String> muted) {
        return of(snapshot, order, agents, muted, Choices.DEFAULT);
    }

    public static Model of(Snapshot snapshot, OrderBook order, List<Agent> agents, Set<String> muted, Choices choices) {
        return of(snapshot, order, agents, muted, choices, java.util.Map.of());
    }

    public static Model of(
            Snapshot snapshot,
            OrderBook order,
            List<Agent> agents,
            Set<String> muted,
            Choices choices,
            java.util.Map<String, Meta> meta) {
        return of(snapshot, order, agents, muted, choices, meta, List.of());
    }

    public static Model of(
            Snapshot snapshot,
            OrderBook order,
            List<Agent> agents,
            Set<String> muted,
            Choices choices,
            java.util.Map<String, Meta> meta,
            List<HostView> hosts) {
        return of(
                snapshot,
                order,
                agents,
                muted,
                choices,
                meta,
                hosts,
                List.of(),
                java.util.Map.of(),
                java.util.Map.of());
    }

    public static Model of(
            Snapshot snapshot,
            OrderBook order,
            List<Agent> agents,
            Set<String> muted,
            Choices choices,
            java.util.Map<String, Meta> meta,
            List<HostView> hosts,
            List<Resumable> resumable,
            java.util.Map<String, Cost> costs,
            java.util.Map<String, Usage> usage) {
        return new Model(
                snapshot, order, order.ordered(snapshot), agents, muted, choices, meta, hosts, resumable, costs, usage);
    }

    /** What the agent's conversation has used (by its thread), or null when no transcript said. */
    public Usage usageOf(Agent a) {
        return a.thread() == null ? null : usage.get(a.thread());
    }

    /** The machine's usage today ({@link Usage#DAY}), or null before any agent's usage was read. */
    public Usage usageToday() {
        return usage.get(Usage.DAY);
    }

    /** What the agent in {@code pane} costs the machine, or null when not sampled (yet). */
    public Cost costOf(String pane) {
        return costs.get(pane);
    }

    /** The remembered agents of session {@code name} (by name: after a restart its id is another). */
    public List<Resumable> resumableIn(String name) {
        if (resumable.isEmpty()) {
            return List.of();
        }
        return resumable.stream().filter(r -> r.session().equals(name)).toList();
    }

    private static final java.util.Comparator<Agent> MOST_URGENT_FIRST =
            java.util.Comparator.comparingInt(Agent::urgency).reversed().thenComparing(Agent::pane);

    /**
     * The agents of one session, most urgent first. A plain loop: every sidebar frame asks this for
     * every session, and a stream per call cost a fifth of a frame's rendering (C1 does not inline it).
     */
    public List<Agent> agentsOf(String sessionId) {
        List<Agent> out = null;
        for (Agent a : agents) {
            if (sessionId.equals(a.sessionId())) {
                if (out == null) {
                    out = new java.util.ArrayList<>(2);
                }
                out.add(a);
            }
        }
        if (out == null) {
            return List.of();
        }
        if (out.size() > 1) {
            out.sort(MOST_URGENT_FIRST);
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /**
     * Shown sessions that need the user (an agent waiting, or finished out of sight), most urgent
     * first, then in shown order.
     */
    public List<Session> needingAttention() {
        java.util.Map<String, Integer> urgency = new java.util.HashMap<>(); // session → its most urgent agent
        for (Agent a : agents) {
            if (a.needsAttention()) {
                urgency.merge(a.sessionId(), a.urgency(), Math::max);
            }
        }
        return shown.stream()
                .filter(s -> urgency.containsKey(s.id()))
                .sorted(java.util.Comparator.comparingInt((Session s) -> -urgency.get(s.id())))
                .toList();
    }

    /** Every session needing the user here and on the connected machines, most urgent first ({@link Urgent}). */
    public List<Urgent> urgent() {
        return Urgent.of(this);
    }

    /** Whether a connected machine has an agent that needs the user. */
    public boolean urgentElsewhere() {
        for (HostView h : hosts) {
            if (h.up()) {
                for (RemoteSession s : h.sessions()) {
                    if (s.agents().stream().anyMatch(Agent::needsAttention)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
