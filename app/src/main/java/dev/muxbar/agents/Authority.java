package dev.muxbar.agents;

import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.model.Wait;

/**
 * Which source may say what about an agent row; adding a source must never make a row worse:
 * <ul>
 *   <li>Old news loses: a signal that happened (its own time, e.g. a transcript line's timestamp)
 *       before the current status was set by another source changes nothing — unless it is a hook
 *       and the status is the screen's or the registry's coarse word.</li>
 *   <li>Once the agent's hooks speak for a thread they report every step, so other sources only fill
 *       what hooks cannot see: the transcript an interrupt (Esc fires no hook), an API error and the
 *       answer to a prompt; the registry and the screen a prompt appearing or going.</li>
 *   <li>Without hooks the better source wins, except that coarse sources (registry, screen) never
 *       erase the transcript's detail; a turn finished by another source is reopened only by a new
 *       turn (a line read late is not one); a waiting is lowered only by evidence of an answer (the
 *       tool call it is about closed, a prompt, an interrupt, the turn's end), by the registry, or by
 *       the screen once the prompt it saw has been gone for {@link Tracker#SCREEN_GONE_MS} (a waiting
 *       it did not see, or one guessed from silence, after {@link Tracker#SCREEN_GRACE_MS}), or by
 *       muxbar's own answer to it.</li>
 * </ul>
 * Decisions over a {@link Row} and a {@link Signal}, for the {@link Tracker} on the event loop:
 * they read the row and return what to do ({@link Effect}); only the tracker writes rows.
 */
final class Authority {
    private Authority() {}

    /**
     * What an accepted signal does to a row (after {@link Row#recordCalls}), for the {@link Tracker}
     * to apply: the row's status ({@code null}: no status change, as at a compaction's end after an
     * automatic one), whether a manual compaction is on, whether silence may end the turn, and
     * whether the turn's open tool calls are over.
     */
    record Effect(Status status, boolean manualCompact, boolean mayEnd, boolean closeCalls) {}

    /** What an accepted signal makes of the row; the row is only read. */
    static Effect effect(Row i, Signal s) {
        Status status = s.status();
        boolean manualCompact = i.manualCompact;
        switch (s.cue()) {
            case TOOL_CLOSE -> {
                if (status == Status.RUNNING && !i.openTools.isEmpty()) {
                    status = Status.TOOL_RUNNING; // another call (or the Task around a subagent's call) still runs
                }
            }
            case COMPACT_START -> manualCompact = true;
            case COMPACT_END -> {
                return new Effect(i.manualCompact ? Status.IDLE : null, false, i.mayEnd, false);
            }
            default -> {}
        }
        boolean permitted =
                i.status == Status.WAITING && i.wait == Wait.PERMISSION; // not a question: its call is its answer
        if ((permitted || i.status == Status.TOOL_RUNNING)
                && status == Status.RUNNING
                && !i.openTools.isEmpty()
                && s.cue() != Signal.Cue.TURN_START
                && s.cue() != Signal.Cue.TOOL_CLOSE) {
            // The permission is given and the call it asked about runs; or a subagent or background
            // task ended while a call of the turn still runs: it runs on.
            status = Status.TOOL_RUNNING;
        }
        if (status == Status.DONE && !i.background.isEmpty() && s.source() == Source.TRANSCRIPT) {
            status = Status.RUNNING; // the turn ended, the background work it started did not
        }
        boolean mayEnd = s.cue() == Signal.Cue.TURN_MAY_END && i.background.isEmpty();
        return new Effect(status, manualCompact, mayEnd, s.cue() == Signal.Cue.TURN_START || status.terminal());
    }

    static boolean accepts(Row i, Signal s, long now) {
        Status to = s.status();
        boolean waiting = i.status == Status.WAITING;
        if (s.cue() == Signal.Cue.IF_BUSY && !i.status.busy()) {
            return false;
        }
        if (s.cue() == Signal.Cue.IF_TURN && !i.status.busy() && i.status != Status.WAITING) {
            return false;
        }
        if (s.cue() == Signal.Cue.IF_NOT_BUSY && i.status.busy()) {
            return false;
        }
        if (s.cue() == Signal.Cue.ANSWERED) {
            return waiting; // muxbar sent the answer itself: the best evidence there is, and about nothing else
        }
        if (i.status == Status.STALE) {
            return true; // anything is news
        }
        if (i.status.terminal()
                && i.source == Source.REGISTRY
                && (to.terminal() || (to == Status.IDLE && s.source() != Source.SCREEN))) {
            // (An idle screen is no news after a turn's end: it says so after every turn.)
            return true; // the registry knows that a turn ended, not how: an interrupt, an error or a compaction says
            // how
        }
        if (s.at() > 0
                && i.statusAt > 0
                && s.at() < i.statusAt
                && s.source() != i.source
                && !(s.source() == Source.HOOK && (i.source == Source.SCREEN || i.source == Source.REGISTRY))) {
            // It happened before what the row shows was said. (A hook's detail still refines a coarse
            // source's guess: hooks held until their pane was known arrive after the screen spoke.)
            return false;
        }
        if (s.source() == Source.HOOK) {
            return true;
        }
        if (i.hooked) {
            return fillsHookGap(i, s, now);
        }
        if (waiting && to != Status.WAITING) {
            return lowersWaiting(i, s, now);
        }
        if (i.status.terminal()
                && s.source() != i.source
                && s.source() != Source.REGISTRY
                && to.busy()
                && s.cue() != Signal.Cue.TURN_START) {
            return false; // a turn finished by another source reopens only with a new turn
        }
        if (s.source().rank() >= i.source.rank()) {
            return true;
        }
        return switch (s.source()) {
            // The registry and the screen are coarse: they never erase what a transcript says in detail.
            case TRANSCRIPT, NOTIFY -> i.source == Source.REGISTRY || i.source == Source.SCREEN;
            case SCREEN, REGISTRY -> to == Status.WAITING;
            case HOOK -> throw new AssertionError("hooks are always accepted");
        };
    }

    /** Under hooks: an interrupt or an API error from the transcript, a prompt appearing or going elsewhere. */
    private static boolean fillsHookGap(Row i, Signal s, long now) {
        Status to = s.status();
        if (i.status == Status.WAITING && to != Status.WAITING) {
            return lowersWaiting(i, s, now);
        }
        return switch (s.source()) {
            case TRANSCRIPT, NOTIFY ->
                to == Status.INTERRUPTED || to == Status.ERROR || (to == Status.DONE && s.source() == Source.NOTIFY);
            case SCREEN, REGISTRY -> to == Status.WAITING && !i.status.terminal();
            case HOOK -> throw new AssertionError("hooks are always accepted");
        };
    }

    /** Whether a non-waiting signal proves the prompt a row waits on was answered or is gone. */
    private static boolean lowersWaiting(Row i, Signal s, long now) {
        return switch (s.source()) {
            case HOOK, REGISTRY -> true;
            case TRANSCRIPT, NOTIFY -> writtenSince(i, s) || answers(i, s);
            case SCREEN -> {
                // The screen lowers a prompt it saw itself, or a waiting only guessed from silence; a reported
                // prompt it never recognised (no rule for it, or not the agent's pane) is no evidence it is over.
                if (i.screenSawPrompt >= i.since) {
                    yield now - i.screenSawPrompt
                            >= Tracker.SCREEN_GONE_MS; // it showed this prompt, and no longer does
                }
                boolean gone =
                        i.screenSawPrompt >= 0 ? now - i.screenSawPrompt >= Tracker.SCREEN_GRACE_MS : i.waitingGuessed;
                yield now - i.since >= Tracker.SCREEN_GRACE_MS && gone;
            }
        };
    }

    /**
     * While a prompt is up Claude writes nothing to its transcript but the call the prompt is about
     * (2.1.328 writes that tool_use just after showing the prompt, when the registry already said
     * waiting): any other line written after the waiting began ends it — a call opened that is not
     * the one waited on too. Results of other calls are not its own (a parallel call that needed no
     * permission finishes while the prompt for another is up); {@link #answers} judges those.
     */
    private static boolean writtenSince(Row i, Signal s) {
        boolean theCallAskedAbout =
                s.cue() == Signal.Cue.TOOL_OPEN && (i.waitTool == null || i.waitTool.equals(s.toolId()));
        return s.source() == Source.TRANSCRIPT
                && s.at() > 0
                && i.statusAt > 0
                && s.at() > i.statusAt
                && s.cue() != Signal.Cue.TOOL_CLOSE
                && s.cue() != Signal.Cue.TOOL_PROGRESS
                && !theCallAskedAbout;
    }

    /** Evidence of an answer: the call the prompt was about closed or runs, a new turn, the turn's end, an interrupt. */
    private static boolean answers(Row i, Signal s) {
        return switch (s.cue()) {
            case TOOL_CLOSE, TOOL_PROGRESS -> i.waitTool == null || s.toolId() == null || i.waitTool.equals(s.toolId());
            case TURN_START, TURN_END -> true;
            default -> s.status() == Status.INTERRUPTED || s.status() == Status.ERROR;
        };
    }
}
