package dev.muxbar.agents;

import dev.muxbar.model.Source;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The pane a signal is about (the {@link Tracker}'s, on the event loop). In order: the pane it names,
 * unless its process runs under an agent's shared server; the pane already holding its thread, or the
 * one its thread was bound to; the pane of its pid; the active pane of its session; the one pane in
 * its cwd that runs the agent. Several such panes and a thread: the {@link ThreadBinder} holds the
 * signal until the screens say whose it is. Transcripts and the screen never start a row in a pane
 * that does not run the agent.
 *
 * <p>A shared server: Codex 0.169 runs its hooks in one {@code codex app-server --managed-daemon}
 * that the first Codex started, so every hook carries that first pane's {@code $TMUX_PANE} and runs
 * in its process tree. A hook whose ancestry passes through one is placed by its thread and cwd.
 */
final class Placement {

    /** Agents whose hooks may run in a server shared by all their panes: a word of its command line. */
    static final Map<String, String> SHARED_SERVERS = Map.of("codex", "app-server");

    /** Where a signal goes. */
    sealed interface Target permits At, Nowhere, Hold {}

    record At(String pane) implements Target {}

    record Nowhere() implements Target {}

    /** Several panes could be it: held until its thread is placed. */
    record Hold(List<String> candidates) implements Target {}

    /** How far a line may predate its agent's start by the clocks (a start time is known to a second). */
    static final long START_SLACK_MS = 2_000;

    private final Processes processes;
    final ThreadBinder binder = new ThreadBinder();

    Placement(Processes processes) {
        this.processes = processes;
    }

    Target resolve(Signal s, Places places, Map<String, String> identities, Collection<Row> rows) {
        Signal.Where w = s.where();
        boolean fromAgent =
                s.source() == Source.HOOK || s.source() == Source.NOTIFY; // run by the agent: $TMUX_PANE, $PPID
        boolean shared = fromAgent && w.pid() != null && underSharedServer(s.agent(), w.pid());
        String pane = null;
        if (w.pane() != null && !shared) {
            if (places.get(w.pane()) == null) {
                return new Nowhere();
            }
            pane = w.pane();
            if (fromAgent) {
                binder.bind(s.agent(), s.thread(), pane); // the agent's own hook, in its own pane
            }
        } else {
            pane = byThread(s.agent(), s.thread(), rows);
            if (pane == null) {
                pane = binder.paneOf(s.agent(), s.thread());
                pane = pane != null && places.get(pane) != null ? pane : null;
            }
            if (pane == null && w.pid() != null && !shared) {
                pane = places.paneOfProcess(w.pid(), processes::parentOf);
            }
            if (pane == null && w.session() != null) {
                pane = places.activePaneOf(w.session());
            }
            if (pane == null && w.cwd() != null) {
                List<Places.Place> in = places.inDirectory(w.cwd());
                // A line written before the agent in a pane started is another instance's (a rollout
                // of the Codex that ran there before, read because it is recent).
                List<String> running = in.stream()
                        .filter(p -> s.agent().equals(identities.get(p.pane().id())))
                        .filter(p -> !before(s, p))
                        .map(p -> p.pane().id())
                        .toList();
                if (running.size() > 1 && s.thread() != null) {
                    return new Hold(running); // two of that agent in one directory: whose thread is it?
                }
                pane = !running.isEmpty()
                        ? running.get(0)
                        : s.source() == Source.HOOK && in.size() == 1
                                ? in.get(0).pane().id()
                                : null;
                if (running.size() == 1) {
                    binder.bind(s.agent(), s.thread(), pane);
                }
            }
        }
        if (pane == null) {
            return new Nowhere();
        }
        if (s.source() != Source.HOOK && !s.agent().equals(identities.get(pane)) && !hasRow(rows, pane, s.agent())) {
            return new Nowhere();
        }
        return new At(pane);
    }

    /** Whether {@code s} happened before the program in that pane started: then it is not about it. */
    private boolean before(Signal s, Places.Place p) {
        if (s.at() <= 0) {
            return false;
        }
        long started = processes.foregroundStartedAt(p.pane().pid());
        return started > 0 && s.at() < started - START_SLACK_MS;
    }

    private static boolean hasRow(Collection<Row> rows, String pane, String agent) {
        for (Row r : rows) {
            if (r.pane.equals(pane) && r.agent.equals(agent)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code pid} or one of its ancestors is the agent's shared server. */
    private boolean underSharedServer(String agent, long pid) {
        String word = SHARED_SERVERS.get(agent);
        if (word == null) {
            return false;
        }
        long p = pid;
        for (int depth = 0; p > 1 && depth < 32; depth++) {
            String cmd = processes.commandLine(p);
            if (cmd != null && List.of(cmd.split(" ")).contains(word)) {
                return true;
            }
            p = processes.parentOf(p);
        }
        return false;
    }

    private static String byThread(String agent, String thread, Collection<Row> rows) {
        if (thread == null) {
            return null;
        }
        for (Row i : rows) {
            if (i.agent.equals(agent) && thread.equals(i.thread)) {
                return i.pane;
            }
        }
        return null;
    }
}
