package dev.muxbar.agents;

import dev.muxbar.model.Agent;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;

/** One agent in one pane as the {@link Tracker} keeps it (mutable, tracker-only), and when it expires. */
final class Row {

    final String pane;
    final String agent;
    String thread;
    String windowId;
    String sessionId;
    Status status;
    Source source;
    long since;
    long heard;       // last signal of any source
    long screenSawPrompt = -1;
    boolean waitingGuessed; // waiting inferred from a silent tool call, not reported by anyone
    boolean sawProcess;
    String title;
    String message;
    boolean unseen;

    Row(String pane, String agent) {
        this.pane = pane;
        this.agent = agent;
    }

    Agent view() {
        return new Agent(pane, windowId, sessionId, agent, thread, status, source, since, title, message, unseen);
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
