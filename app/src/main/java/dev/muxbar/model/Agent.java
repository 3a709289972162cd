package dev.muxbar.model;

/**
 * One agent instance as published in the model: where it runs, what it does since when (scheduler
 * milliseconds), which source said so, and whether a terminal status happened out of sight.
 * {@code title} is the thread title or last prompt, {@code message} the agent's last note (both may be null);
 * {@code waitsFor} what a waiting agent waits for (null unless waiting); {@code host} where it runs when
 * that is not this machine (an agent seen through {@code ssh devbox} in a local pane: {@code devbox}),
 * else null.
 */
public record Agent(
        String pane,
        String windowId,
        String sessionId,
        String agent,
        String thread,
        Status status,
        Source source,
        long since,
        String title,
        String message,
        boolean unseen,
        Wait waitsFor,
        String host) {
    // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x (RecordEqualityTest)
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Agent o
                && java.util.Objects.equals(pane, o.pane)
                && java.util.Objects.equals(windowId, o.windowId)
                && java.util.Objects.equals(sessionId, o.sessionId)
                && java.util.Objects.equals(agent, o.agent)
                && java.util.Objects.equals(thread, o.thread)
                && status == o.status
                && source == o.source
                && since == o.since
                && java.util.Objects.equals(title, o.title)
                && java.util.Objects.equals(message, o.message)
                && unseen == o.unseen
                && waitsFor == o.waitsFor
                && java.util.Objects.equals(host, o.host);
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(pane);
        h = 31 * h + java.util.Objects.hashCode(windowId);
        h = 31 * h + java.util.Objects.hashCode(sessionId);
        h = 31 * h + java.util.Objects.hashCode(agent);
        h = 31 * h + java.util.Objects.hashCode(thread);
        h = 31 * h + java.util.Objects.hashCode(status);
        h = 31 * h + java.util.Objects.hashCode(source);
        h = 31 * h + Long.hashCode(since);
        h = 31 * h + java.util.Objects.hashCode(title);
        h = 31 * h + java.util.Objects.hashCode(message);
        h = 31 * h + Boolean.hashCode(unseen);
        h = 31 * h + java.util.Objects.hashCode(waitsFor);
        h = 31 * h + java.util.Objects.hashCode(host);
        return h;
    }

    public Agent {
        if (status != Status.WAITING) {
            waitsFor = null;
        } else if (waitsFor == null) {
            waitsFor = Wait.PERMISSION;
        }
    }

    /** A local agent (this machine's). */
    public Agent(
            String pane,
            String windowId,
            String sessionId,
            String agent,
            String thread,
            Status status,
            Source source,
            long since,
            String title,
            String message,
            boolean unseen,
            Wait waitsFor) {
        this(pane, windowId, sessionId, agent, thread, status, source, since, title, message, unseen, waitsFor, null);
    }

    /** A row without a wait kind (a waiting one waits for a permission). */
    public Agent(
            String pane,
            String windowId,
            String sessionId,
            String agent,
            String thread,
            Status status,
            Source source,
            long since,
            String title,
            String message,
            boolean unseen) {
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
