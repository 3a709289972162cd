package dev.muxbar.model;

/**
 * One agent instance as published in the model: where it runs, what it does since when (scheduler
 * milliseconds), which source said so, and whether a terminal status happened out of sight.
 * {@code title} is the thread title or last prompt, {@code message} the agent's last note (both may be null);
 * {@code waitsFor} what a waiting agent waits for (null unless waiting).
 */
public record Agent(String pane, String windowId, String sessionId, String agent, String thread, Status status,
                    Source source, long since, String title, String message, boolean unseen, Wait waitsFor) {

    public Agent {
        if (status != Status.WAITING) {
            waitsFor = null;
        } else if (waitsFor == null) {
            waitsFor = Wait.PERMISSION;
        }
    }

    /** A row without a wait kind (a waiting one waits for a permission). */
    public Agent(String pane, String windowId, String sessionId, String agent, String thread, Status status,
                 Source source, long since, String title, String message, boolean unseen) {
        this(pane, windowId, sessionId, agent, thread, status, source, since, title, message, unseen, null);
    }

    /** The urgency used to sort badges and pick the next-attention session. */
    public int urgency() {
        return status.urgency(unseen);
    }

    /** Waiting for the user, or finished/failed out of sight. */
    public boolean needsAttention() {
        return status == Status.WAITING || unseen;
    }
}
