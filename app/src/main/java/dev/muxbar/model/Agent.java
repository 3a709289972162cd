package dev.muxbar.model;

/**
 * One agent instance as published in the model: where it runs, what it does since when (scheduler
 * milliseconds), which source said so, and whether a terminal status happened out of sight.
 * {@code title} is the thread title or last prompt, {@code message} the agent's last note (both may be null).
 */
public record Agent(String pane, String windowId, String sessionId, String agent, String thread, Status status,
                    Source source, long since, String title, String message, boolean unseen) {

    /** The urgency used to sort badges and pick the next-attention session. */
    public int urgency() {
        return status.urgency(unseen);
    }

    /** Waiting for the user, or finished/failed out of sight. */
    public boolean needsAttention() {
        return status == Status.WAITING || unseen;
    }
}
