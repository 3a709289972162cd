package dev.muxbar.agents;

import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import java.util.Map;

/**
 * What silence says about a row without hooks, as time passes: a transcript tool call that stays
 * silent waits for a permission; a last message that called no tool and was followed by nothing
 * ended the turn; a running row with no signal for minutes is stale. Pure: the {@link Tracker} asks
 * on each tick and applies the guess.
 */
final class Silence {
    private Silence() {}

    /** Running with no signal this long: stale (tools may legitimately run longer). */
    static final long STALE_RUNNING_MS = 3 * 60_000;

    static final long STALE_TOOL_MS = 10 * 60_000;
    /**
     * A transcript tool call this silent waits for a permission — only for tools that finish at once
     * when allowed (an edit) or report progress while they run (Bash); a long Task or MCP call is
     * silent by nature, and for those the screen decides.
     */
    static final Map<String, Long> SILENT_WAIT_MS = Map.of(
            "Edit",
            2_000L,
            "MultiEdit",
            2_000L,
            "Write",
            2_000L,
            "NotebookEdit",
            2_000L,
            "Bash",
            4_000L,
            "WebFetch",
            5_000L);
    /** A transcript's last message called no tool and nothing followed for this long: the turn ended. */
    static final long TURN_END_QUIET_MS = 3_000;
    /** The same for a thread that writes turn-end markers (it missed one only if a turn ends oddly). */
    static final long TURN_END_QUIET_MARKED_MS = 15_000;

    /** A status guessed from silence, and the words {@code muxbar explain} shows for it. */
    record Guess(Status status, String evidence) {}

    /** The guess for a row that has heard nothing for {@code quietMs}, or null. */
    static Guess guess(Row i, long quietMs) {
        long s = quietMs / 1000;
        if (i.status == Status.TOOL_RUNNING
                && i.source == Source.TRANSCRIPT
                && !i.hooked
                && quietMs >= SILENT_WAIT_MS.getOrDefault(String.valueOf(i.openTool), Long.MAX_VALUE)
                && i.screenSawPrompt < i.heard) {
            return new Guess(Status.WAITING, "guess: " + i.openTool + " call silent for " + s + " s");
        }
        if (i.status == Status.RUNNING
                && i.mayEnd
                && !i.hooked
                && quietMs >= (i.markers ? TURN_END_QUIET_MARKED_MS : TURN_END_QUIET_MS)) {
            return new Guess(Status.DONE, "guess: nothing after the last message for " + s + " s");
        }
        if ((i.status == Status.RUNNING && quietMs >= STALE_RUNNING_MS)
                || (i.status == Status.TOOL_RUNNING && quietMs >= STALE_TOOL_MS)) {
            return new Guess(Status.STALE, "no signal for " + s + " s");
        }
        return null;
    }
}
