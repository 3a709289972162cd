package dev.muxbar.agents;

import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
/**
 * One observation of one agent, from any source: the single ingest format. Where it happened is a
 * pane id ({@code %3}) or, when the agent did not know its pane, a session, a working directory or a
 * process id the tracker resolves to a pane. {@code thread} is the agent's own conversation id
 * (Claude's session_id, Codex's thread id) when known. {@code end} means the agent instance is gone
 * (Claude's SessionEnd). A null {@code status} changes only the title, message and liveness.
 */
public record Signal(Source source, String agent, Status status, Where where, String thread, String title,
                     String message, boolean end) {

    /** Where the agent runs; every field may be null, at least one should not be. */
    public record Where(String pane, String session, String cwd, Long pid) {
        public static Where pane(String pane) {
            return new Where(pane, null, null, null);
        }
    }

    public Signal {
        if (source == null || agent == null || agent.isBlank() || where == null) {
            throw new IllegalArgumentException("a signal needs a source, an agent and a place");
        }
    }

    /** A status change with nothing else. */
    public static Signal of(Source source, String agent, Status status, String pane, String thread) {
        return new Signal(source, agent, status, Where.pane(pane), thread, null, null, false);
    }
}
