package dev.muxbar.agents;

import dev.muxbar.model.Agent;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * The agent instances of one tmux server, keyed by pane + agent + thread, and the rules that turn
 * signals from three sources into one status each. Not thread-safe: lives on the event loop; time is
 * passed in (scheduler milliseconds).
 *
 * <p>Which source may say what is {@link Authority}'s to decide; this class keeps the rows.
 * Tool calls are counted by id: a row stays tool-running while any call is open (parallel calls, a
 * subagent's own tools inside a Task). A signal with the status a row already has changes nothing
 * but its liveness, so two sources reporting the same turn make one transition.
 */
public final class Tracker {

    /** The screen may lower a waiting row only after it has been waiting this long (the prompt draws late). */
    public static final long SCREEN_GRACE_MS = 1_500;
    /** A prompt the screen saw during this waiting is over once it has been gone this long (a redraw is shorter). */
    public static final long SCREEN_GONE_MS = 400;
    /** After muxbar answered a prompt, the screen may show it this long while the agent redraws: not a new one. */
    static final long ANSWER_SETTLE_MS = 1_000;
    /** Upper bound on instances (a misbehaving client cannot grow the map without bound). */
    static final int MAX_INSTANCES = 512;

    /**
     * What became of a signal. {@code NO_PANE}: no pane matches where it says it comes from;
     * {@code NOT_RUNNING}: it names a pane, but only a hook may speak for an agent its pane does not run;
     * {@code HELD}: several panes could be its thread's, and it waits until the screens say which.
     */
    public enum Outcome {
        CHANGED,
        UNCHANGED,
        IGNORED,
        NO_PANE,
        NOT_RUNNING,
        HELD
    }

    private final Placement placement;
    private final Map<String, Row> byPaneAgent = new LinkedHashMap<>(); // "%3 claude" → instance
    private Snapshot snapshot = Snapshot.EMPTY;
    private Places places; // of snapshot, built when first needed (most refreshes have no agents at all)
    private Map<String, String> identities = Map.of();
    private Map<String, Remote> remotes = Map.of(); // panes whose program is elsewhere (ssh, mosh, …)
    private List<Agent> published = List.of();
    private boolean dirty;

    /** {@code parentOf}: a process's parent pid (0 when unknown), for hooks that only know their pid. */
    public Tracker(LongUnaryOperator parentOf) {
        this(Processes.parents(parentOf));
    }

    /** The process table: parents, command lines and start times place hooks and lines. */
    public Tracker(Processes processes) {
        this.placement = new Placement(processes);
    }

    /** The current instances, sorted by pane then agent; immutable. */
    public List<Agent> agents() {
        if (dirty) {
            List<Agent> out = new ArrayList<>(byPaneAgent.size());
            for (Row i : byPaneAgent.values()) {
                out.add(i.view());
            }
            out.sort(Comparator.comparing((Agent a) -> Places.paneNumber(a.pane()))
                    .thenComparing(Agent::agent));
            published = List.copyOf(out);
            dirty = false;
        }
        return published;
    }

    /** Why each row (of one pane, or all when {@code pane} is null) shows what it shows. */
    public List<Explanation> explain(String pane, long now) {
        return Explanation.of(byPaneAgent.values(), pane, now);
    }

    /** Panes the thread binder keeps anything about (for tests). */
    Set<String> binderPanes() {
        return placement.binder.panesKept();
    }

    /** Number of live instances (for tests). */
    public int size() {
        return byPaneAgent.size();
    }

    /**
     * A new snapshot and the agent each pane runs by its process ({@code %3 → claude}): drops rows of
     * gone panes and of agents no longer running, and clears unseen marks of viewed windows.
     */
    public boolean observe(Snapshot snapshot, Map<String, String> paneAgents, long now) {
        return observe(snapshot, Identities.of(paneAgents), now);
    }

    /**
     * The same, with the panes that are elsewhere ({@link Identities#remotes()}): a row there goes
     * by its screen only, and ends when the pane is no longer elsewhere (the ssh ended).
     */
    public boolean observe(Snapshot snapshot, Identities known, long now) {
        this.snapshot = snapshot;
        places = null;
        identities = known.agents();
        remotes = known.remotes();
        if (byPaneAgent.isEmpty() && identities.isEmpty()) {
            placement.binder.retain(Set.of());
            return false; // nothing to place: a refresh of a server without agents costs no index
        }
        Places places = places();
        boolean changed = false;
        for (Iterator<Row> it = byPaneAgent.values().iterator(); it.hasNext(); ) {
            Row i = it.next();
            Places.Place p = places.get(i.pane);
            boolean running = i.agent.equals(identities.get(i.pane));
            // An agent that exited mid-turn is gone; a finished one stays until pruned (its unseen
            // "done" is what the user wants to see). One seen through ssh is gone with the ssh.
            if (p == null
                    || (i.sawProcess && !running && !i.status.terminal())
                    || (i.host != null && !remotes.containsKey(i.pane))) {
                it.remove();
                changed = true;
                continue;
            }
            if (i.host != null && !i.host.equals(remotes.get(i.pane).destination())) {
                i.host = remotes.get(i.pane).destination();
                changed = true;
            }
            if (running && i.exited) {
                // The finished row of an instance that exited, and now the agent runs in the pane again:
                // a new instance (a restart), which has done nothing yet.
                it.remove();
                changed = true;
                continue;
            }
            i.exited |= i.sawProcess && !running;
            i.sawProcess |= running;
            changed |= i.locate(p);
            changed |= i.seen(places.viewed(i.windowId));
        }
        // A known agent in a pane with no row yet: show it idle, so screen rules and the user see it.
        for (Map.Entry<String, String> e : identities.entrySet()) {
            if (places.get(e.getKey()) != null
                    && !byPaneAgent.containsKey(key(e.getKey(), e.getValue()))
                    && byPaneAgent.size() < MAX_INSTANCES) {
                Row i = create(e.getKey(), e.getValue(), places.get(e.getKey()), now);
                i.evidence = "the pane runs " + e.getValue() + " (process)";
                i.sawProcess = true;
                changed = true;
            }
        }
        // What the binder keeps (screens, edges, bindings) is about panes running an agent: no more.
        Set<String> agentPanes = new HashSet<>(identities.keySet());
        byPaneAgent.values().forEach(r -> agentPanes.add(r.pane));
        placement.binder.retain(agentPanes);
        dirty |= changed;
        return changed;
    }

    /** Applies one signal. */
    public Outcome apply(Signal s, long now) {
        String named = s.where().pane();
        // A pane that is elsewhere: only what its screen shows (and an answer sent to it) is about
        // the agent over there — hooks, transcripts and the registry here are this machine's.
        boolean there = s.source() == Source.SCREEN || s.cue() == Signal.Cue.ANSWERED;
        Placement.Target target = there && named != null && remotes.containsKey(named) && places().get(named) != null
                ? new Placement.At(named)
                : placement.resolve(s, places(), identities, byPaneAgent.values());
        if (target instanceof Placement.Hold hold) {
            if (!placement.binder.hold(s, hold.candidates(), now)) {
                return Outcome.IGNORED;
            }
            return replay(placement.binder.decide(now), now)
                    ? Outcome.CHANGED
                    : Outcome.HELD; // its prompt may place it now
        } else if (target instanceof Placement.Nowhere) {
            return named != null && places().get(named) != null ? Outcome.NOT_RUNNING : Outcome.NO_PANE;
        } else if (!(target instanceof Placement.At)) {
            throw new AssertionError(target);
        }
        String pane = ((Placement.At) target).pane();
        if (remotes.containsKey(pane) && !there) {
            return Outcome.IGNORED;
        }
        if (s.source() == Source.SCREEN && s.status() != null && s.cue() != Signal.Cue.ANSWERED) {
            placement.binder.screen(pane, s.status(), now); // evidence for threads that wait to be placed
        }
        String k = key(pane, s.agent());
        Row i = byPaneAgent.get(k);
        if (i != null
                && s.thread() != null
                && i.thread != null
                && !i.thread.equals(s.thread())
                && s.source() != Source.SCREEN) {
            if (s.source().rank() < i.source.rank() && now - i.heard < Silence.STALE_RUNNING_MS) {
                return Outcome.IGNORED; // an older conversation's transcript still being written
            }
            byPaneAgent.remove(k); // a new conversation in the same pane (/clear, restart)
            i = null;
        }
        if (s.end()) {
            if (i == null) {
                return Outcome.UNCHANGED;
            }
            byPaneAgent.remove(k);
            dirty = true;
            return Outcome.CHANGED;
        }
        boolean created = false;
        if (i == null) {
            if (byPaneAgent.size() >= MAX_INSTANCES || s.cue() == Signal.Cue.ANSWERED) {
                return Outcome.IGNORED;
            }
            i = create(pane, s.agent(), places().get(pane), now);
            created = s.status() != null;
            if (created && s.cue().conditional()) {
                // A registry's "idle" or a subagent's end means something only for a turn that was on:
                // a row they make starts idle (a fresh Claude's registry says idle before any prompt).
                s = s.withStatus(Status.IDLE);
            }
        }
        boolean changed = i.hear(s, now) | created;
        boolean lastClosed = i.recordCalls(s); // facts about calls count whatever becomes of the status
        if (s.status() == null) {
            if (i.waitingGuessed && s.source() == Source.TRANSCRIPT && i.status == Status.WAITING) {
                // The silent tool call speaks after all (Bash progress): it runs, nobody was asked.
                setStatus(i, Status.TOOL_RUNNING, now, s, null);
                changed = true;
            }
            dirty |= changed;
            return changed ? Outcome.CHANGED : Outcome.UNCHANGED;
        }
        if (s.cue() == Signal.Cue.ANSWERED) {
            i.answeredAt = now;
        } else if (s.source() == Source.SCREEN && s.status() == Status.WAITING) {
            if (i.answeredAt >= 0 && now - i.answeredAt < ANSWER_SETTLE_MS) {
                return Outcome.IGNORED; // the dialog muxbar just answered, drawn once more before it goes
            }
            i.screenSawPrompt = now;
        }
        boolean accepted = created || Authority.accepts(i, s, now);
        if (!accepted
                && lastClosed
                && s.toolId() != null
                && i.status == Status.TOOL_RUNNING
                && (i.source == Source.REGISTRY || i.source == Source.SCREEN)) {
            // A call closed, whoever said so later: a coarse source's "busy" made this row tool-running
            // only because the call was open.
            setStatus(i, Status.RUNNING, now, null, s.evidence());
            changed = true;
        }
        if (accepted) {
            changed |= i.take(Authority.effect(i, s), s, now, !places().viewed(i.windowId));
        }
        dirty |= changed;
        return changed ? Outcome.CHANGED : accepted || s.status() == i.status ? Outcome.UNCHANGED : Outcome.IGNORED;
    }

    /**
     * Time passing: running rows with no signal go stale, transcript tool calls with silence become
     * waiting, old rows are pruned. Returns whether anything changed.
     */
    public boolean tick(long now) {
        boolean changed = false;
        changed |= replay(placement.binder.decide(now), now);
        for (Iterator<Row> it = byPaneAgent.values().iterator(); it.hasNext(); ) {
            Row i = it.next();
            long quiet = now - i.heard;
            boolean live = i.agent.equals(identities.get(i.pane));
            if (i.expired(now, quiet, live)) {
                it.remove();
                changed = true;
            } else {
                Silence.Guess g = Silence.guess(i, quiet);
                if (g != null) {
                    setStatus(i, g.status(), now, null, g.evidence());
                    i.waitingGuessed |= g.status() == Status.WAITING;
                    i.mayEnd &= g.status() != Status.DONE;
                    changed = true;
                }
            }
        }
        dirty |= changed;
        return changed;
    }

    /** What a pane's screen shows (its last capture): a thread waiting to be placed may be typed there. */
    public boolean screen(String pane, String text, long now) {
        placement.binder.text(pane, text);
        boolean changed = placement.binder.holding() && replay(placement.binder.decide(now), now);
        dirty |= changed;
        return changed;
    }

    /** Applies the signals of threads just placed, in the order they came. */
    private boolean replay(List<ThreadBinder.Decision> decisions, long now) {
        boolean changed = false;
        for (ThreadBinder.Decision d : decisions) {
            for (Signal s : d.signals()) {
                changed |= apply(s, now) == Outcome.CHANGED; // now placed by the binding
            }
        }
        return changed;
    }

    /** Whether any row has a timer running (so the caller can tick only when needed). */
    public boolean needsTicks() {
        return !byPaneAgent.isEmpty() || placement.binder.holding();
    }

    private Places places() {
        if (places == null) {
            places = new Places(snapshot);
        }
        return places;
    }

    /** Sets a status; {@code s} is the signal that said so, or null for time passing ({@code why} says what). */
    private void setStatus(Row i, Status status, long now, Signal s, String why) {
        i.setStatus(status, now, s, why, status.terminal() && !places().viewed(i.windowId));
    }

    private Row create(String pane, String agent, Places.Place p, long now) {
        Row i = new Row(pane, agent, now);
        i.locate(p);
        Remote remote = remotes.get(pane);
        i.host = remote == null ? null : remote.destination();
        byPaneAgent.put(key(pane, agent), i);
        dirty = true;
        return i;
    }

    private static String key(String pane, String agent) {
        return pane + " " + agent;
    }
}
