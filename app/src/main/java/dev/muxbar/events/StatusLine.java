package dev.muxbar.events;

import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Status;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxGateway;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps tmux user options current for status lines, and only when they change (a status-line
 * redraw then runs no process: {@code set -g status-right '#{@muxbar-status} …'}):
 *
 * <pre>
 * @muxbar-status           global: agents waiting and finished out of sight, on every machine, e.g. "2? 1✓" ("" when none)
 * @muxbar-session-status   per session: the same for its agents, plus those working ("1? 2●")
 * @muxbar-window-status    per window: one badge per agent in it ("?●"), unset when it has none
 * @muxbar-usage-status     global: the fullest context, what the agents cost, the tightest quota: "ctx 82% · $4.10 · 5h 63%"
 * </pre>
 * Badges: {@code ?} waiting, {@code ●} working, {@code ✓} done unseen, {@code ✗} error unseen,
 * {@code !} interrupted unseen. On the loop; commands through the gateway.
 */
public final class StatusLine {

    static final String GLOBAL = "@muxbar-status";
    static final String SESSION = "@muxbar-session-status";
    static final String WINDOW = "@muxbar-window-status";
    static final String USAGE = "@muxbar-usage-status";

    private final TmuxGateway tmux;
    private String global;
    private String usage;
    private Model last;
    private Map<String, String> sessions = new HashMap<>();
    private Map<String, String> windows = new HashMap<>();

    public StatusLine(TmuxGateway tmux) {
        this.tmux = tmux;
    }

    public void onModel(Model m) {
        // Most models change something else (a notice, the order, a theme): the segments only follow
        // agents and the sessions and windows they are in.
        if (last != null
                && last.snapshot() == m.snapshot()
                && last.agents().equals(m.agents())
                && last.hosts().equals(m.hosts())
                && last.usage() == m.usage()) {
            return;
        }
        last = m;
        String u = usage(m);
        if (!u.equals(usage == null ? "" : usage)) { // unset until there is something to say
            usage = u;
            tmux.send(Commands.setGlobalOption(USAGE, u));
        }
        List<Agent> everywhere = new java.util.ArrayList<>(m.agents());
        everywhere.addAll(m.remoteAgents()); // the global count covers every machine
        String g = counts(everywhere, false);
        if (!g.equals(global)) {
            global = g;
            tmux.send(Commands.setGlobalOption(GLOBAL, g));
        }
        Map<String, List<Agent>> bySession = new LinkedHashMap<>();
        Map<String, List<Agent>> byWindow = new LinkedHashMap<>();
        for (Agent a : m.agents()) {
            bySession
                    .computeIfAbsent(a.sessionId(), k -> new java.util.ArrayList<>())
                    .add(a);
            if (a.windowId() != null) {
                byWindow.computeIfAbsent(a.windowId(), k -> new java.util.ArrayList<>())
                        .add(a);
            }
        }
        Map<String, String> nextSessions = new HashMap<>();
        Map<String, String> nextWindows = new HashMap<>();
        for (Snapshot.Session s : m.snapshot().sessions()) {
            String v = counts(bySession.getOrDefault(s.id(), List.of()), true);
            nextSessions.put(s.id(), v);
            if (!Objects.equals(v, sessions.getOrDefault(s.id(), ""))) {
                tmux.send(Commands.sessionOption(s.id(), SESSION, v.isEmpty() ? null : v));
            }
            for (Snapshot.Window w : s.windows()) {
                String b = badges(byWindow.getOrDefault(w.id(), List.of()));
                nextWindows.put(w.id(), b);
                if (!Objects.equals(b, windows.getOrDefault(w.id(), ""))) {
                    tmux.send(Commands.windowOption(w.id(), WINDOW, b.isEmpty() ? null : b));
                }
            }
        }
        sessions = nextSessions; // gone sessions and windows took their options with them
        windows = nextWindows;
    }

    /** "2? 1●" style counts; {@code working}: count busy agents too. */
    static String counts(List<Agent> agents, boolean working) {
        int waiting = 0;
        int busy = 0;
        int finished = 0;
        for (Agent a : agents) {
            waiting += a.status() == Status.WAITING ? 1 : 0;
            busy += a.status().busy() ? 1 : 0;
            finished += a.unseen() ? 1 : 0;
        }
        StringBuilder sb = new StringBuilder();
        if (waiting > 0) {
            sb.append(waiting).append('?');
        }
        if (working && busy > 0) {
            sb.append(sb.length() > 0 ? " " : "").append(busy).append('●');
        }
        if (finished > 0) {
            sb.append(sb.length() > 0 ? " " : "").append(finished).append('✓');
        }
        return sb.toString();
    }

    /** One badge per agent, most urgent first. */
    static String badges(List<Agent> agents) {
        StringBuilder sb = new StringBuilder();
        agents.stream()
                .sorted(java.util.Comparator.comparingInt(Agent::urgency).reversed())
                .forEach(a -> {
                    String b = a.status() == Status.WAITING
                            ? "?"
                            : a.status().busy()
                                    ? "●"
                                    : a.unseen() && a.status() == Status.ERROR
                                            ? "✗"
                                            : a.unseen() && a.status() == Status.INTERRUPTED
                                                    ? "!"
                                                    : a.unseen() ? "✓" : "";
                    sb.append(b);
                });
        return sb.toString();
    }

    /**
     * "ctx 82% · $4.10 today · 5h 63%": the fullest context, today's cost (before any today: the agents'
     * known costs summed, "$4.10"), the tightest quota ("" when none).
     */
    static String usage(Model m) {
        int ctx = -1;
        double cost = 0;
        boolean priced = false;
        for (Agent a : m.agents()) {
            dev.muxbar.model.Usage u = m.usageOf(a);
            if (u != null) {
                ctx = Math.max(ctx, u.contextPercent());
                if (u.costUsd() != null) {
                    cost += u.costUsd();
                    priced = true;
                }
            }
        }
        List<String> parts = new java.util.ArrayList<>();
        if (ctx >= 0) {
            parts.add("ctx " + ctx + "%");
        }
        dev.muxbar.model.Usage day = m.usageToday();
        if (day != null && day.costUsd() != null && day.costUsd() > 0) {
            parts.add(String.format(java.util.Locale.ROOT, "$%.2f today", day.costUsd()));
        } else if (priced) {
            parts.add(String.format(java.util.Locale.ROOT, "$%.2f", cost));
        }
        // The day's quota windows are the tightest ones not yet reset (UsageBook works them out).
        dev.muxbar.model.Usage.Quota tight = day == null ? null : day.tightest();
        if (tight != null) {
            parts.add(tight.name() + " " + Math.round(tight.usedPercent()) + "%");
        }
        return String.join(" · ", parts);
    }
}
