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

    final String pane;
    final String agent;
    String thread;
    String windowId;
    String sessionId;
    Status status;
    Source source;
    Wait wait;
    String waitTool;  // the tool call a wait is about (a close of another call does not answer it)
    long since;
    long statusAt;    // wall-clock ms of the event that set the status (orders sources that arrive late)
    long heard;       // last signal of any source
    long screenSawPrompt = -1;
    long answeredAt = -1; // when muxbar last answered a prompt of this row
    boolean waitingGuessed; // waiting inferred from a silent tool call, not reported by anyone
    boolean hooked;   // the agent's hooks speak for this thread: other sources only fill their gaps
    boolean markers;  // this thread writes explicit turn ends: silence ends its turns only much later
    boolean mayEnd;   // the last message so far called no tool: silence ends the turn
    boolean manualCompact;
    boolean sawProcess;
    boolean exited;   // its agent's process was seen and is gone (a finished row stays to be seen)
    final Set<String> openTools = new LinkedHashSet<>();
    String openTool;  // name of the last tool call opened (its silence means something)
    final Set<String> background = new LinkedHashSet<>(); // tool calls whose work goes on in the background
    String title;
    String message;
    String evidence;
    boolean unseen;
    final Deque<Transition> history = new ArrayDeque<>();

    /** One change of status, for {@code muxbar explain}. */
    record Transition(long at, Status from, Status to, Source source, String evidence) {}

    Row(String pane, String agent) {
        this.pane = pane;
        this.agent = agent;
    }

    private Agent view; // the last view handed out

    /**
     * The row as published. The same object as last time while nothing shown changed: every model
     * is compared with the last one, by the core and by each subscriber (the sidebar's rows, the
     * event stream), and an agent that is the same object compares at once.
     */
    Agent view() {
        Agent now = new Agent(pane, windowId, sessionId, agent, thread, status, source, since, title, message, unseen, wait);
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
            return now - since >= (unseen ? Tracker.UNSEEN_TTL_MS : Tracker.SEEN_TTL_MS) && !live;
        }
        if (status.busy() || status == Status.STALE) {
            return quiet >= Tracker.DEAD_RUNNING_TTL_MS && !live;
        }
        return false;
    }
}
