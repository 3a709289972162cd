package dev.muxbar.agents;

import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.model.Wait;

/**
 * One observation of one agent, from any source: the single ingest format. Where it happened is a
 * pane id ({@code %3}) or, when the agent did not know its pane, a session, a working directory or a
 * process id the tracker resolves to a pane. {@code thread} is the agent's own conversation id
 * (Claude's session_id, Codex's thread id) when known. {@code end} means the agent instance is gone
 * (Claude's SessionEnd). A null {@code status} changes only the title, message and liveness.
 *
 * <p>{@code cue} says what the status alone cannot (see {@link Cue}); {@code toolId} names the tool
 * call a {@link Cue#TOOL_OPEN}/{@link Cue#TOOL_CLOSE} is about; {@code waitsFor} what a waiting status
 * waits for; {@code at} when it happened (wall-clock ms, 0 = as it arrives) so that a line read late
 * cannot overrule newer news; {@code evidence} the words {@code muxbar explain} shows.
 */
public record Signal(
        Source source,
        String agent,
        Status status,
        Where where,
        String thread,
        String title,
        String message,
        boolean end,
        Cue cue,
        String toolId,
        Wait waitsFor,
        long at,
        String evidence) {

    /** Where the agent runs; every field may be null, at least one should not be. */
    public record Where(String pane, String session, String cwd, Long pid) {
        public static Where pane(String pane) {
            return new Where(pane, null, null, null);
        }
    }

    /** What a signal means beyond its status. */
    public enum Cue {
        NONE,
        /** A tool call began ({@code toolId}): tool-running until every open call has closed. */
        TOOL_OPEN,
        /** A tool call ended ({@code toolId}); it also proves a prompt about it was answered. */
        TOOL_CLOSE,
        /** A tool call reports progress ({@code toolId}): it runs, so a prompt about it was answered. */
        TOOL_PROGRESS,
        /** A tool call ended by starting background work ({@code toolId}): the agent works on after its turn ends. */
        BACKGROUND_START,
        /** Background work finished (its notification): a turn's end with none left is the real end. */
        BACKGROUND_END,
        /** The user started a turn (a prompt): reopens a finished turn whoever finished it. */
        TURN_START,
        /** An explicit turn-end marker: this thread writes them, so silence never ends its turns. */
        TURN_END,
        /** The agent's last message so far calls no tool: the turn ends here unless more follows. */
        TURN_MAY_END,
        /** Only for a busy row (a subagent finishing must not wake an idle agent). */
        IF_BUSY,
        /** Only while a turn is on (busy or waiting): a registry's "idle" ends it, and means nothing else. */
        IF_TURN,
        /** Only for a row that is not busy (a coarse "busy" must not erase tool-running). */
        IF_NOT_BUSY,
        /** A manual compaction began: the agent works, and is idle once it is over. */
        COMPACT_START,
        /** A compaction is over: idle after a manual one, unchanged after an automatic one. */
        COMPACT_END,
        /** muxbar sent the answer to the prompt on screen: the waiting is over (nothing else is said). */
        ANSWERED;

        /** Means something only for a turn that is on: a row it creates starts idle. */
        boolean conditional() {
            return this == IF_TURN || this == IF_BUSY;
        }
    }

    public Signal {
        if (source == null || agent == null || agent.isBlank() || where == null) {
            throw new IllegalArgumentException("a signal needs a source, an agent and a place");
        }
        cue = cue == null ? Cue.NONE : cue;
    }

    /** A signal without cue, tool, wait kind or time. */
    public Signal(
            Source source,
            String agent,
            Status status,
            Where where,
            String thread,
            String title,
            String message,
            boolean end) {
        this(source, agent, status, where, thread, title, message, end, Cue.NONE, null, null, 0, null);
    }

    /** A status change with nothing else. */
    public static Signal of(Source source, String agent, Status status, String pane, String thread) {
        return new Signal(source, agent, status, Where.pane(pane), thread, null, null, false);
    }

    public Signal withCue(Cue c, String tool) {
        return toBuilder().cue(c).toolId(tool).build();
    }

    public Signal withStatus(Status st) {
        return toBuilder().status(st).build();
    }

    public Signal withWait(Wait w) {
        return toBuilder().waitsFor(w).build();
    }

    public Signal at(long wallMs) {
        return toBuilder().at(wallMs).build();
    }

    public Signal titled(String t) {
        return toBuilder().title(t).build();
    }

    public Signal note(String m) {
        return toBuilder().message(m).build();
    }

    /** The same signal placed elsewhere (a transcript line placed by its file, not by its own cwd). */
    public Signal placed(Where w) {
        return toBuilder().where(w).build();
    }

    public Signal because(String why) {
        return toBuilder().evidence(why).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A signal field by field: the one place that lists all thirteen. */
    public static final class Builder {
        private Source source;
        private String agent;
        private Status status;
        private Where where;
        private String thread;
        private String title;
        private String message;
        private boolean end;
        private Cue cue;
        private String toolId;
        private Wait waitsFor;
        private long at;
        private String evidence;

        private Builder(Signal s) {
            source = s.source;
            agent = s.agent;
            status = s.status;
            where = s.where;
            thread = s.thread;
            title = s.title;
            message = s.message;
            end = s.end;
            cue = s.cue;
            toolId = s.toolId;
            waitsFor = s.waitsFor;
            at = s.at;
            evidence = s.evidence;
        }

        public Builder status(Status v) {
            status = v;
            return this;
        }

        public Builder where(Where v) {
            where = v;
            return this;
        }

        public Builder thread(String v) {
            thread = v;
            return this;
        }

        public Builder title(String v) {
            title = v;
            return this;
        }

        public Builder message(String v) {
            message = v;
            return this;
        }

        public Builder end(boolean v) {
            end = v;
            return this;
        }

        public Builder cue(Cue v) {
            cue = v;
            return this;
        }

        public Builder toolId(String v) {
            toolId = v;
            return this;
        }

        public Builder waitsFor(Wait v) {
            waitsFor = v;
            return this;
        }

        public Builder at(long v) {
            at = v;
            return this;
        }

        public Builder evidence(String v) {
            evidence = v;
            return this;
        }

        public Signal build() {
            return new Signal(
                    source, agent, status, where, thread, title, message, end, cue, toolId, waitsFor, at, evidence);
        }
    }
}
