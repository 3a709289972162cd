package dev.muxbar.agents;

import dev.muxbar.model.Status;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which pane a conversation belongs to when its signals cannot say. Two Codex in one directory share
 * one {@code codex app-server}: its hooks carry the first pane's {@code $TMUX_PANE} and its rollouts
 * only a cwd, so neither tells the two apart — only the thread id, which no pane shows.
 *
 * <p>The first evidence is the prompt: a turn that starts with a prompt the user typed is the turn
 * of the one candidate whose screen shows that text (typed into its input a moment before, or echoed
 * in its history). The other evidence is timing. A conversation's turn starts when its pane's screen goes busy and ends
 * when it goes idle again; the user cannot start two turns in two panes within the same instant for
 * long. So each held thread keeps its edges (idle → busy, busy → idle, as its own signals say) and each
 * candidate pane its screen's edges — once the user started a turn in it (a prompt too short to tell
 * screens apart): edges with no prompt behind them are the agent's own. Once an edge's window ({@link #BEFORE_MS} before it to
 * {@link #AFTER_MS} after it, the screen being read a little late) has closed, the edge votes for the
 * one candidate whose screen had the same edge in it, or for nobody when none or several did. The
 * thread is bound when the votes name exactly one pane; until then its signals wait here (bounded)
 * and are replayed once it is bound. A thread nothing places expires with its signals: it is never
 * guessed, because a wrong pane shows another agent's whole turn.
 *
 * <p>Not thread-safe: the {@link Tracker}'s, on the event loop; time is passed in.
 */
final class ThreadBinder {

    static final long BEFORE_MS = 1_000;
    static final long AFTER_MS = 2_000;
    /** A thread not placed within this long is dropped with its signals. */
    static final long HOLD_MS = 60_000;

    static final int MAX_THREADS = 32;
    static final int MAX_SIGNALS = 64;
    static final int MAX_BINDINGS = 256;
    static final int MAX_EDGES = 8;
    /** A prompt shorter than this is no evidence ("yes" is on many screens); longer ones are compared by their start. */
    static final int MIN_PROMPT = 8;

    static final int PROMPT_KEY = 40;

    /** A change of busyness at {@code at}. */
    private record Edge(long at, boolean busy) {}

    private static final String AMBIGUOUS = "";

    /** A thread bound to a pane, and the signals that waited for it (in arrival order). */
    record Decision(String agent, String thread, String pane, List<Signal> signals) {}

    private static final class Held {
        final String agent;
        final String thread;
        final long since;
        final List<Signal> signals = new ArrayList<>();
        final List<Edge> edges = new ArrayList<>();
        final List<String> prompts = new ArrayList<>();
        List<String> candidates = List.of();
        boolean busy;
        String byText; // the one pane that showed one of its prompts, once one did
        boolean userTurn; // a turn the user started (a prompt) was seen: its edges are the user's doing

        Held(String agent, String thread, long since) {
            this.agent = agent;
            this.thread = thread;
            this.since = since;
        }
    }

    private final Map<String, Deque<Edge>> screenEdges = new HashMap<>(); // pane → its screen's recent edges
    private final Map<String, Boolean> screenBusy = new HashMap<>();
    private final Map<String, String> screenText = new HashMap<>(); // pane → its screen as last read
    private final Map<String, Held> held = new LinkedHashMap<>(); // "agent thread" → what waits
    private final Map<String, String> bindings = new LinkedHashMap<>(16, 0.75f, true) { // "agent thread" → pane
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> e) {
                    return size() > MAX_BINDINGS;
                }
            };

    /** The pane {@code thread} was bound to, or null. */
    String paneOf(String agent, String thread) {
        return thread == null ? null : bindings.get(key(agent, thread));
    }

    /** Binds a thread whose pane is known otherwise (a pane's own hook, the only candidate). */
    void bind(String agent, String thread, String pane) {
        if (thread != null) {
            bindings.put(key(agent, thread), pane);
        }
    }

    /** What a pane's screen says now: an edge when its busyness changes. */
    void screen(String pane, Status status, long now) {
        boolean busy = active(status);
        Boolean was = screenBusy.put(pane, busy);
        if (was != null && was != busy) {
            Deque<Edge> edges = screenEdges.computeIfAbsent(pane, p -> new ArrayDeque<>());
            edges.addLast(new Edge(now, busy));
            while (edges.size() > MAX_EDGES) {
                edges.removeFirst();
            }
        }
    }

    /** What a pane's screen shows now (the last capture). */
    void text(String pane, String text) {
        screenText.put(pane, text);
    }

    /**
     * Keeps a signal of a thread that {@code candidates} (two or more panes) could be (the newest
     * {@link #MAX_SIGNALS} per thread). Returns false when it cannot be kept (no thread to bind, or
     * {@link #MAX_THREADS} threads already wait).
     */
    boolean hold(Signal s, List<String> candidates, long now) {
        if (s.thread() == null) {
            return false;
        }
        String k = key(s.agent(), s.thread());
        Held h = held.get(k);
        if (h == null) {
            if (held.size() >= MAX_THREADS) {
                return false;
            }
            h = new Held(s.agent(), s.thread(), now);
            held.put(k, h);
        }
        h.candidates = List.copyOf(candidates);
        if (h.signals.size() >= MAX_SIGNALS) {
            // Keep the newest: an agent that works before it is placed (Codex's start-up task writes
            // many lines) must not lose the prompt that places it; its latest state is what shows.
            h.signals.remove(0);
        }
        h.signals.add(s);
        boolean prompted = s.cue() == Signal.Cue.TURN_START
                && s.title() != null
                && !s.title().isBlank();
        h.userTurn |= prompted;
        String key = prompted ? promptKey(s.title()) : null;
        if (key != null && h.prompts.size() < MAX_EDGES) {
            h.prompts.add(key);
        }
        if (s.status() != null && active(s.status()) != h.busy) {
            h.busy = !h.busy;
            if (h.edges.size() < MAX_EDGES) {
                h.edges.add(new Edge(now, h.busy));
            }
        }
        return true;
    }

    /** Whether anything waits (the tracker then needs its ticks). */
    boolean holding() {
        return !held.isEmpty();
    }

    /** The threads the evidence places now, each bound; expired ones are dropped. */
    List<Decision> decide(long now) {
        List<Decision> out = new ArrayList<>();
        for (Iterator<Held> it = held.values().iterator(); it.hasNext(); ) {
            Held h = it.next();
            String pane = place(h, now);
            if (pane != null) {
                bind(h.agent, h.thread, pane);
                out.add(new Decision(h.agent, h.thread, pane, List.copyOf(h.signals)));
                it.remove();
            } else if (now - h.since >= HOLD_MS) {
                it.remove();
            }
        }
        return out;
    }

    /** The panes it keeps anything about (screens, edges, bindings), for tests. */
    Set<String> panesKept() {
        Set<String> out = new java.util.HashSet<>(screenText.keySet());
        out.addAll(screenEdges.keySet());
        out.addAll(screenBusy.keySet());
        out.addAll(bindings.values());
        return out;
    }

    /** Forgets panes that are gone. */
    void retain(Set<String> panes) {
        screenEdges.keySet().retainAll(panes);
        screenBusy.keySet().retainAll(panes);
        screenText.keySet().retainAll(panes);
        bindings.values().removeIf(p -> !panes.contains(p));
    }

    private String place(Held h, long now) {
        for (String key : h.prompts) {
            String only = null;
            int showing = 0;
            for (String pane : h.candidates) {
                if (screenText.getOrDefault(pane, "").contains(key)) {
                    only = pane;
                    showing++;
                }
            }
            if (showing == 1 && h.byText == null) {
                h.byText = only;
            } else if (showing == 1 && !h.byText.equals(only)) {
                h.byText = AMBIGUOUS; // two of its prompts on two screens: the text tells nothing
            }
        }
        if (h.byText != null) {
            // The prompt is the strong evidence, and it stays so after it scrolls away: timing can be
            // off by seconds (an agent starting up sends its first turn late, into another pane's edge).
            return h.byText.equals(AMBIGUOUS) ? null : h.byText;
        }
        if (!h.userTurn) {
            // Edges with no prompt behind them are the agent's own (Codex starting up runs a task
            // before any prompt): they line up with whichever pane happened to move then.
            return null;
        }
        String vote = null;
        for (Edge e : h.edges) {
            if (now < e.at() + AFTER_MS) {
                break; // this edge's window is still open, and so are the later ones'
            }
            String only = null;
            int matching = 0;
            for (String pane : h.candidates) {
                if (hasEdge(pane, e)) {
                    only = pane;
                    matching++;
                }
            }
            if (matching != 1) {
                continue;
            }
            if (vote != null && !vote.equals(only)) {
                return null; // the evidence disagrees with itself: wait for more
            }
            vote = only;
        }
        return vote;
    }

    private boolean hasEdge(String pane, Edge e) {
        for (Edge s : screenEdges.getOrDefault(pane, new ArrayDeque<>())) {
            if (s.busy() == e.busy() && s.at() >= e.at() - BEFORE_MS && s.at() <= e.at() + AFTER_MS) {
                return true;
            }
        }
        return false;
    }

    /** The start of a prompt's first line, as a screen would show it; null when too short to tell panes apart. */
    static String promptKey(String prompt) {
        if (prompt == null) {
            return null;
        }
        String first = prompt.strip().lines().findFirst().orElse("").strip();
        return first.length() < MIN_PROMPT ? null : first.substring(0, Math.min(PROMPT_KEY, first.length()));
    }

    /** Working or asking: the screen shows a turn on. */
    private static boolean active(Status s) {
        return s.busy() || s == Status.WAITING;
    }

    private static String key(String agent, String thread) {
        return agent + " " + thread;
    }
}
