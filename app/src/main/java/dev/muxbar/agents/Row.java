package dev.muxbar.agents;

import dev.muxbar.model.Agent;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.model.Wait;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One agent in one pane as the {@link Tracker} keeps it (mutable, tracker-only), and when it expires. */
final class Row {

    /** Transitions kept for {@code muxbar explain}; open tool calls kept (a runaway agent cannot grow them). */
    static final int HISTORY = 16;

    static final int MAX_OPEN_TOOLS = 64;
    /** A terminal row the user has seen goes after this long; an unseen one after {@link #UNSEEN_TTL_MS}. */
    static final long SEEN_TTL_MS = 5 * 60_000;

    static final long UNSEEN_TTL_MS = 15 * 60_000;
    /** A running row with no signal and no live agent process goes after this long. */
    static final long DEAD_RUNNING_TTL_MS = 3 * 60_000;

    final String pane;
    final String agent;
    String thread;
    String windowId;
    String host; // where the agent runs when the pane is elsewhere (ssh devbox: "devbox"), else null
    String sessionId;
    Status status;
    Source source;
    Wait wait;
    String waitTool; // the tool call a wait is about (a close of another call does not answer it)
    long since;
    long statusAt; // wall-clock ms of the event that set the status (orders sources that arrive late)
    long heard; // last signal of any source
    long screenSawPrompt = -1;
    long answeredAt = -1; // when muxbar last answered a prompt of this row
    boolean waitingGuessed; // waiting inferred from a silent tool call, not reported by anyone
    boolean hooked; // the agent's hooks speak for this thread: other sources only fill their gaps
    boolean markers; // this thread writes explicit turn ends: silence ends its turns only much later
    boolean mayEnd; // the last message so far called no tool: silence ends the turn
    boolean manualCompact;
    boolean sawProcess;
    boolean exited; // its agent's process was seen and is gone (a finished row stays to be seen)
    final Set<String> openTools = new LinkedHashSet<>();
    String openTool; // name of the last tool call opened (its silence means something)
    final Set<String> background = new LinkedHashSet<>(); // tool calls whose work goes on in the background
    String title;
    String message;
    String evidence;
    boolean unseen;
    final Deque<Transition> history = new ArrayDeque<>();

    /** One change of status, for {@code muxbar explain}. */
    record Transition(long at, Status from, Status to, Source source, String evidence) {}

    /** A new row: idle, as the screen would say, heard now. */
    Row(String pane, String agent, long now) {
        this.pane = pane;
        this.agent = agent;
        this.since = now;
        this.heard = now;
        this.source = Source.SCREEN;
        this.status = Status.IDLE;
    }

    /** Its window is viewed now: an unseen finish is seen. True when that changed it. */
    boolean seen(boolean viewed) {
        boolean was = unseen;
        unseen &= !viewed;
        return was && viewed;
    }

    private Agent view; // the last view handed out

    /**
     * The row as published. The same object as last time while nothing shown changed: every model
     * is compared with the last one, by the core and by each subscriber (the sidebar's rows, the
     * event stream), and an agent that is the same object compares at once.
     */
    Agent view() {
        Agent now = new Agent(
                pane, windowId, sessionId, agent, thread, status, source, since, title, message, unseen, wait, host);
        if (!now.equals(view)) {
            view = now;
        }
        return view;
    }

    void remember(Transition t) {
        if (history.size() == HISTORY) {
            history.removeFirst();
        }
        history.addLast(t);
    }

    List<Transition> transitions() {
        return new ArrayList<>(history);
    }

    /**
     * Whether the row goes: a terminal one after {@link Tracker#SEEN_TTL_MS} (seen) or
     * {@link Tracker#UNSEEN_TTL_MS} (unseen), a running or stale one after
     * {@link Tracker#DEAD_RUNNING_TTL_MS} of silence — never while its agent still runs in the pane.
     */
    boolean expired(long now, long quiet, boolean live) {
        if (status.terminal()) {
            return now - since >= (unseen ? UNSEEN_TTL_MS : SEEN_TTL_MS) && !live;
        }
        if (status.busy() || status == Status.STALE) {
            return quiet >= DEAD_RUNNING_TTL_MS && !live;
        }
        return false;
    }

    /**
     * What any signal tells besides its status: its thread, title and message, that it was heard, and
     * who speaks for the row. True when something shown changed.
     */
    boolean hear(Signal s, long now) {
        boolean changed = false;
        if (thread == null && s.thread() != null) {
            thread = s.thread();
            changed = true;
        }
        heard = now;
        if (s.title() != null && !s.title().isBlank() && !s.title().equals(title)) {
            title = s.title();
            changed = true;
        }
        if (s.message() != null && !s.message().isBlank() && !s.message().equals(message)) {
            message = s.message();
            changed = true;
        }
        hooked |= s.source() == Source.HOOK; // from now on the hooks speak for this thread
        markers |= s.cue() == Signal.Cue.TURN_END && s.source() == Source.TRANSCRIPT;
        return changed;
    }

    /**
     * Sets a status; {@code s} is the signal that said so, or null for time passing ({@code why} says
     * what); {@code unseen}: it is terminal and nobody views its window.
     */
    /**
     * Takes what the authority decided about an accepted signal ({@code unseenIfDone}: nobody views
     * this row's window, so a terminal status is news); whether the row changed.
     */
    boolean take(Authority.Effect effect, Signal s, long now, boolean unseenIfDone) {
        boolean changed = false;
        manualCompact = effect.manualCompact();
        mayEnd = effect.mayEnd();
        if (effect.closeCalls()) {
            openTools.clear();
        }
        Status next = effect.status();
        if (next != null && next != status) {
            setStatus(next, now, s, null, next.terminal() && unseenIfDone);
            changed = true;
        } else if (next != null && s.source() != source && s.source().rank() >= source.rank()) {
            source = s.source();
            evidence = s.evidence();
            changed = true;
        }
        if (next != null
                && status == Status.WAITING
                && s.status() == Status.WAITING
                && s.waitsFor() != null
                && s.waitsFor() != wait) {
            wait = s.waitsFor();
            changed = true;
        }
        return changed;
    }

    void setStatus(Status to, long now, Signal s, String why, boolean unseen) {
        String said = s != null ? s.evidence() : why;
        remember(new Transition(now, status, to, s == null ? source : s.source(), said));
        status = to;
        waitingGuessed = false;
        since = now;
        this.unseen = unseen;
        evidence = said;
        if (s != null) {
            source = s.source();
            statusAt = s.at();
        }
        if (to == Status.WAITING) {
            wait = s != null && s.waitsFor() != null ? s.waitsFor() : Wait.ofTool(openTool);
            String last = null;
            for (String t : openTools) {
                last = t;
            }
            waitTool = s != null && s.toolId() != null ? s.toolId() : last;
        } else {
            wait = null;
            waitTool = null;
        }
    }

    /** Moves the row to where its pane is now; true when that changed its window or session. */
    boolean locate(Places.Place p) {
        if (java.util.Objects.equals(windowId, p.window().id())
                && java.util.Objects.equals(sessionId, p.session().id())) {
            return false;
        }
        windowId = p.window().id();
        sessionId = p.session().id();
        return true;
    }

    /**
     * Records what a signal says about tool calls and background work, whether or not its status is
     * taken: a transcript line read after the registry spoke is old news about the status, not about
     * the calls (the tool a prompt asks about opens; background work ends). True when it closed the
     * last open call.
     */
    boolean recordCalls(Signal s) {
        switch (s.cue()) {
            case TOOL_OPEN -> {
                if (s.toolId() != null && openTools.size() < MAX_OPEN_TOOLS) {
                    openTools.add(s.toolId());
                }
                openTool = s.message();
                if (status == Status.WAITING && waitTool == null) {
                    // A call opened while a prompt is up is the one it asks about (the registry says
                    // waiting before the transcript writes the call): its kind tells what it asks.
                    waitTool = s.toolId();
                    if (s.waitsFor() != null) {
                        wait = s.waitsFor();
                    }
                }
            }
            case TOOL_CLOSE -> {
                boolean had = !openTools.isEmpty();
                if (s.toolId() != null) {
                    openTools.remove(s.toolId());
                } else {
                    openTools.clear();
                }
                return had && openTools.isEmpty();
            }
            case BACKGROUND_START -> {
                String id = s.toolId() != null ? s.toolId() : "background-" + background.size();
                openTools.remove(id);
                if (background.size() < MAX_OPEN_TOOLS) {
                    background.add(id);
                }
            }
            case BACKGROUND_END -> {
                if (s.toolId() == null || !background.remove(s.toolId())) {
                    background.stream().findFirst().ifPresent(background::remove); // unnamed: the oldest
                }
            }
            default -> {}
        }
        return false;
    }
}
