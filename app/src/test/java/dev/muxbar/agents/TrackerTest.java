package dev.muxbar.agents;

import static dev.muxbar.agents.AgentFixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.agents.AgentFixtures.Step;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackerTest {

    private final Tracker tracker = new Tracker(pid -> 0);

    private String status(String pane) {
        return tracker.agents().stream()
                .filter(a -> a.pane().equals(pane))
                .map(a -> a.status().label())
                .findFirst()
                .orElse("gone");
    }

    /** Replays a fixture (hooks for pane %1, transcript lines by cwd) and checks the status after each step. */
    @ParameterizedTest
    @ValueSource(strings = {"claude-permission-approved.jsonl", "claude-permission-esc.jsonl"})
    void fixtureSequences(String fixture) throws Exception {
        tracker.observe(snapshot("claude", false, true), Map.of("%1", "claude"), 0);
        List<String> seen = new ArrayList<>();
        List<String> want = new ArrayList<>();
        for (Step step : AgentFixtures.steps(fixture)) {
            tracker.tick(step.at());
            Signal s = step.hook() != null
                    ? HookMapping.claude(step.hook(), "%1", null)
                    : Transcripts.claude(step.transcript());
            tracker.apply(s, step.at());
            seen.add(status("%1"));
            want.add(step.expect());
        }
        assertEquals(want, seen, fixture);
    }

    @Test
    void hookAndTranscriptForTheSameTurnMakeOneTransition() {
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 0);
        List<Agent> before = tracker.agents();
        tracker.apply(Signal.of(Source.HOOK, "claude", Status.DONE, "%1", "s1"), 100);
        Agent afterHook = tracker.agents().get(0);
        Signal fromTranscript = new Signal(
                Source.TRANSCRIPT,
                "claude",
                Status.DONE,
                new Signal.Where(null, null, "/src", null),
                "s1",
                null,
                null,
                false);
        assertEquals(Tracker.Outcome.UNCHANGED, tracker.apply(fromTranscript, 300));
        assertEquals(afterHook, tracker.agents().get(0), "the transcript's done is the same transition");
        assertEquals(1, tracker.agents().size(), "no second row");
        assertFalse(before.equals(tracker.agents()));
        // And the reverse: a transcript first, then the hook upgrades the source without a new transition.
        tracker.apply(
                new Signal(
                        Source.TRANSCRIPT, "claude", Status.RUNNING, fromTranscript.where(), "s1", null, null, false),
                400);
        assertEquals("done", status("%1"), "a transcript cannot overrule the hook");
    }

    @Test
    void transcriptToolCallFollowedBySilenceWaitsThenTheScreenLowersIt() {
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 0);
        Signal.Where cwd = new Signal.Where(null, null, "/src", null);
        tracker.apply(
                new Signal(Source.TRANSCRIPT, "claude", Status.TOOL_RUNNING, cwd, "s1", null, "Bash", false)
                        .withCue(Signal.Cue.TOOL_OPEN, "toolu_1"),
                1000);
        long quiet = Silence.SILENT_WAIT_MS.get("Bash");
        tracker.tick(1000 + quiet - 1);
        assertEquals("tool-running", status("%1"));
        tracker.tick(1000 + quiet);
        assertEquals("waiting", status("%1"));
        long t = 1000 + quiet;
        // The screen shows no prompt (a long build, not a question): after the grace it lowers the row.
        tracker.apply(Signal.of(Source.SCREEN, "claude", Status.RUNNING, "%1", null), t + 10);
        assertEquals("waiting", status("%1"), "too early: the prompt may not be drawn yet");
        tracker.apply(Signal.of(Source.SCREEN, "claude", Status.RUNNING, "%1", null), t + Tracker.SCREEN_GRACE_MS);
        assertEquals("tool-running", status("%1"), "no prompt: the Bash call it guessed about still runs");
    }

    private static Signal transcript(Status status, long at, String why) {
        return new Signal(
                        Source.TRANSCRIPT,
                        "claude",
                        status,
                        new Signal.Where(null, null, "/src", null),
                        "s1",
                        null,
                        null,
                        false)
                .at(at)
                .because(why);
    }

    /** The 78% of hooks + transcript: a line written before the hook's news, read after it, overruled it. */
    @Test
    void aTranscriptLineReadLateNeverOverrulesNewerHookNews() {
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 0);
        tracker.apply(
                Signal.of(Source.HOOK, "claude", Status.TOOL_RUNNING, "%1", "s1")
                        .withCue(Signal.Cue.TOOL_OPEN, "t1")
                        .at(1_000),
                0);
        tracker.apply(
                Signal.of(Source.HOOK, "claude", Status.WAITING, "%1", "s1").at(1_100), 100);
        // The tool_use line (written at 990, before the prompt) is read at 900 ms of loop time.
        tracker.apply(transcript(Status.TOOL_RUNNING, 990, "tool_use").withCue(Signal.Cue.TOOL_OPEN, "t1"), 900);
        assertEquals("waiting", status("%1"));
        // Another call's result does not answer this prompt; this call's does.
        tracker.apply(transcript(Status.RUNNING, 2_000, "tool_result").withCue(Signal.Cue.TOOL_CLOSE, "t0"), 1_000);
        assertEquals("waiting", status("%1"));
        tracker.apply(transcript(Status.RUNNING, 3_000, "tool_result").withCue(Signal.Cue.TOOL_CLOSE, "t1"), 2_000);
        assertEquals("running", status("%1"));
        String evidence = tracker.explain("%1", 2_000).get(0).evidence();
        assertEquals("tool_result", evidence);
    }

    /** Nothing is written while a prompt is up: the next line written after it began means it was answered. */
    @Test
    void aTranscriptLineWrittenAfterAPromptBeganEndsTheWait() {
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 0);
        tracker.apply(transcript(Status.WAITING, 1_000, "AskUserQuestion").withCue(Signal.Cue.TOOL_OPEN, "q1"), 0);
        assertEquals("waiting", status("%1"));
        tracker.apply(transcript(Status.RUNNING, 900, "assistant text").withCue(Signal.Cue.TURN_MAY_END, null), 10);
        assertEquals("waiting", status("%1"), "written before the question");
        tracker.apply(transcript(Status.TOOL_RUNNING, 9_000, "tool_use Write").withCue(Signal.Cue.TOOL_OPEN, "w1"), 20);
        assertEquals("tool-running", status("%1"), "written after it: answered");
    }

    /**
     * Claude 2.1.328 without hooks: the registry says waiting before the transcript writes the call,
     * whose line is older than that waiting (its own time) and so is not taken for the status — but
     * the call is open all the same: once permitted, it runs (tool-running, not running).
     */
    @Test
    void aCallWrittenAfterTheRegistrysWaitingRunsOnceItIsPermitted() {
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 0);
        tracker.apply(registry("busy", 1_000), 10);
        tracker.apply(registry("waiting", 1_100).withWait(dev.muxbar.model.Wait.PERMISSION), 20);
        tracker.apply(transcript(Status.TOOL_RUNNING, 1_050, "tool_use Bash").withCue(Signal.Cue.TOOL_OPEN, "b1"), 30);
        assertEquals("waiting", status("%1"), "the call the prompt is about does not end it");
        tracker.apply(registry("busy", 4_000), 40);
        assertEquals("tool-running", status("%1"), "permitted: the call runs");
        tracker.apply(transcript(Status.RUNNING, 9_000, "tool_result").withCue(Signal.Cue.TOOL_CLOSE, "b1"), 50);
        assertEquals("running", status("%1"));
    }

    /** A subagent or a background task ending while a command of the turn runs: the command runs on. */
    @Test
    void aSubagentEndingWhileACommandRunsLeavesItRunning() {
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 0);
        tracker.apply(
                Signal.of(Source.HOOK, "claude", Status.TOOL_RUNNING, "%1", "s1")
                        .withCue(Signal.Cue.TOOL_OPEN, "b1"),
                10);
        tracker.apply(
                Signal.of(Source.HOOK, "claude", Status.RUNNING, "%1", "s1").withCue(Signal.Cue.IF_BUSY, null), 20);
        assertEquals("tool-running", status("%1"));
    }

    /** Background work ends by the tool call that started it, whoever reports it and in whatever order. */
    @Test
    void backgroundWorkEndsByItsCallEvenWhenItsNewsIsOld() {
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 0);
        tracker.apply(transcript(Status.RUNNING, 1_000, "prompt").withCue(Signal.Cue.TURN_START, null), 10);
        tracker.apply(transcript(Status.RUNNING, 1_100, "started").withCue(Signal.Cue.BACKGROUND_START, "a1"), 20);
        tracker.apply(registry("idle", 6_000), 30); // read first, though the notification was written before it
        tracker.apply(transcript(Status.RUNNING, 5_000, "notification").withCue(Signal.Cue.BACKGROUND_END, "a1"), 40);
        tracker.apply(transcript(Status.DONE, 5_900, "end_turn").withCue(Signal.Cue.TURN_END, null), 50);
        assertEquals("done", status("%1"), "the helper it started has finished");
    }

    /**
     * A fresh Claude in a pane whose last conversation finished: its registry entry (a new session)
     * says idle before any prompt, which replaces the old conversation's row — with an idle one, not
     * a finished turn.
     */
    @Test
    void aNewConversationsRegistryIdleBeforeAnyTurnMakesAnIdleRow() {
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 0);
        tracker.apply(
                new Signal(
                                Source.TRANSCRIPT,
                                "claude",
                                Status.DONE,
                                new Signal.Where("%1", null, "/src", null),
                                "old",
                                null,
                                null,
                                false)
                        .at(100),
                10);
        assertEquals("done", status("%1"));
        tracker.apply(
                Registry.parse(
                                "{\"pid\":777,\"sessionId\":\"new\",\"status\":\"idle\",\"procStart\":\"1\","
                                        + "\"statusUpdatedAt\":900}",
                                777,
                                "1")
                        .placed(new Signal.Where("%1", null, null, null)),
                20);
        assertEquals("idle", status("%1"), "a new conversation that has done nothing yet");
    }

    /** A Claude restarted in the pane of one that ended interrupted does not show the old one's status. */
    @Test
    void aRestartedAgentStartsOverItsPredecessorsFinishedRow() {
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 0);
        tracker.apply(transcript(Status.INTERRUPTED, 1_000, "interrupt"), 10);
        tracker.observe(snapshot("zsh", false, false), Map.of(), 20);
        assertEquals("interrupted", status("%1"), "kept to be seen while the pane has no claude");
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 30);
        assertEquals("idle", status("%1"), "a new claude in the pane");
    }

    private static Signal registry(String status, long at) {
        return Registry.parse(
                        "{\"pid\":777,\"sessionId\":\"s1\",\"status\":\"" + status
                                + "\",\"procStart\":\"1\",\"statusUpdatedAt\":" + at + "}",
                        777,
                        "1")
                .placed(new Signal.Where("%1", null, null, null));
    }

    @Test
    void aSubagentStoppingWhileIdleWakesNothingAndAManualCompactionEndsIdle() {
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 0);
        tracker.apply(Signal.of(Source.HOOK, "claude", Status.DONE, "%1", "s1"), 10);
        tracker.apply(
                Signal.of(Source.HOOK, "claude", Status.RUNNING, "%1", "s1").withCue(Signal.Cue.IF_BUSY, null), 20);
        assertEquals("done", status("%1"), "a background subagent's SubagentStop");
        tracker.apply(
                Signal.of(Source.HOOK, "claude", Status.RUNNING, "%1", "s1").withCue(Signal.Cue.COMPACT_START, null),
                30);
        assertEquals("running", status("%1"));
        tracker.apply(
                Signal.of(Source.HOOK, "claude", Status.IDLE, "%1", "s1").withCue(Signal.Cue.COMPACT_END, null), 40);
        assertEquals("idle", status("%1"));
        // After an automatic compaction (no manual start) the turn goes on.
        tracker.apply(
                Signal.of(Source.HOOK, "claude", Status.RUNNING, "%1", "s1").withCue(Signal.Cue.TURN_START, null), 50);
        tracker.apply(
                Signal.of(Source.HOOK, "claude", Status.IDLE, "%1", "s1").withCue(Signal.Cue.COMPACT_END, null), 60);
        assertEquals("running", status("%1"));
    }

    @Test
    void toolCallsAreCountedSoASubagentsOwnToolDoesNotEndTheTask() {
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 0);
        tracker.apply(
                Signal.of(Source.HOOK, "claude", Status.TOOL_RUNNING, "%1", "s1")
                        .withCue(Signal.Cue.TOOL_OPEN, "task"),
                10);
        tracker.apply(
                Signal.of(Source.HOOK, "claude", Status.TOOL_RUNNING, "%1", "s1")
                        .withCue(Signal.Cue.TOOL_OPEN, "grep"),
                20);
        tracker.apply(
                Signal.of(Source.HOOK, "claude", Status.RUNNING, "%1", "s1").withCue(Signal.Cue.TOOL_CLOSE, "grep"),
                30);
        assertEquals("tool-running", status("%1"));
        tracker.apply(
                Signal.of(Source.HOOK, "claude", Status.RUNNING, "%1", "s1").withCue(Signal.Cue.TOOL_CLOSE, "task"),
                40);
        assertEquals("running", status("%1"));
        assertEquals(
                List.of("idle>tool-running", "tool-running>running"),
                tracker.explain(null, 40).get(0).transitions().stream()
                        .map(t -> t.from() + ">" + t.to())
                        .toList(),
                "one transition per change, none for the inner call");
    }

    /** Found making the README screenshots: a reported waiting vanished 1.5 s later under a screen without that prompt. */
    @Test
    void theScreenClearsOnlyAPromptItSawItself() {
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 0);
        tracker.apply(Signal.of(Source.HOOK, "claude", Status.WAITING, "%1", "s1"), 10);
        tracker.apply(Signal.of(Source.SCREEN, "claude", Status.IDLE, "%1", null), 10 + 10 * Tracker.SCREEN_GRACE_MS);
        assertEquals("waiting", status("%1"), "a prompt the rules do not know is still a prompt");
        long t = 10 + 10 * Tracker.SCREEN_GRACE_MS;
        tracker.apply(Signal.of(Source.SCREEN, "claude", Status.WAITING, "%1", null), t);
        tracker.apply(Signal.of(Source.SCREEN, "claude", Status.RUNNING, "%1", null), t + Tracker.SCREEN_GONE_MS - 1);
        assertEquals("waiting", status("%1"), "gone for less than a redraw");
        tracker.apply(Signal.of(Source.SCREEN, "claude", Status.RUNNING, "%1", null), t + Tracker.SCREEN_GONE_MS);
        assertEquals("running", status("%1"), "the prompt the screen saw is gone");
    }

    @Test
    void screenMayOnlyRaiseToWaitingUnderAHook() {
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 0);
        tracker.apply(Signal.of(Source.HOOK, "claude", Status.RUNNING, "%1", "s1"), 10);
        tracker.apply(Signal.of(Source.SCREEN, "claude", Status.DONE, "%1", null), 20);
        assertEquals("running", status("%1"), "the screen cannot finish a hooked turn");
        tracker.apply(Signal.of(Source.SCREEN, "claude", Status.WAITING, "%1", null), 30);
        assertEquals("waiting", status("%1"), "a visible prompt raises the row");
        tracker.apply(Signal.of(Source.SCREEN, "claude", Status.RUNNING, "%1", null), 30 + Tracker.SCREEN_GRACE_MS);
        assertEquals("running", status("%1"), "the prompt is gone: lowered");
    }

    @Test
    void unseenWhenFinishedOutOfSightAndClearedByVisiting() {
        tracker.observe(snapshot("claude", false, true), Map.of("%1", "claude", "%2", "claude"), 0);
        tracker.apply(Signal.of(Source.HOOK, "claude", Status.DONE, "%1", "a"), 10);
        tracker.apply(Signal.of(Source.HOOK, "claude", Status.DONE, "%2", "b"), 10);
        assertTrue(agent("%1").unseen(), "nobody views @1");
        assertFalse(agent("%2").unseen(), "@2 is viewed");
        assertTrue(agent("%1").needsAttention());
        tracker.observe(snapshot("claude", true, true), Map.of("%1", "claude", "%2", "claude"), 20);
        assertFalse(agent("%1").unseen(), "a client now views @1");
    }

    @Test
    void paneKilledOrAgentExitedEndsTheRow() {
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude", "%2", "claude"), 0);
        tracker.apply(Signal.of(Source.HOOK, "claude", Status.RUNNING, "%1", "a"), 10);
        tracker.apply(Signal.of(Source.HOOK, "claude", Status.RUNNING, "%2", "b"), 10);
        // %2's agent exits: the pane runs a shell again.
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 20);
        assertEquals("gone", status("%2"));
        // %1 goes away entirely.
        var onlyNotes = new dev.muxbar.model.Snapshot(
                new dev.muxbar.model.Snapshot.ServerInfo(1, 1, "3.3a"),
                List.of(AgentFixtures.session(2, "notes", "zsh", "/notes")),
                List.of());
        tracker.observe(onlyNotes, Map.of(), 30);
        assertEquals(List.of(), tracker.agents());
    }

    @Test
    void hooksResolveByCwdAndThreadWhenThePaneIsUnknown() {
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 0);
        Signal byCwd = new Signal(
                Source.HOOK,
                "claude",
                Status.RUNNING,
                new Signal.Where(null, null, "/src/", null),
                "s9",
                null,
                null,
                false);
        assertEquals(Tracker.Outcome.CHANGED, tracker.apply(byCwd, 10));
        assertEquals("running", status("%1"));
        Signal byThread = new Signal(
                Source.HOOK,
                "claude",
                Status.WAITING,
                new Signal.Where(null, null, null, null),
                "s9",
                null,
                null,
                false);
        tracker.apply(byThread, 20);
        assertEquals("waiting", status("%1"));
        Signal nowhere = new Signal(
                Source.HOOK,
                "claude",
                Status.DONE,
                new Signal.Where(null, null, "/elsewhere", null),
                "other",
                null,
                null,
                false);
        assertEquals(Tracker.Outcome.NO_PANE, tracker.apply(nowhere, 30));
        assertEquals(
                Tracker.Outcome.NO_PANE, tracker.apply(Signal.of(Source.HOOK, "claude", Status.DONE, "%99", null), 30));
    }

    @Test
    void hooksResolveByProcessAncestry() {
        Tracker t = new Tracker(pid -> pid == 777 ? 555 : pid == 555 ? 101 : 0); // 777 → 555 → pane %1's shell (101)
        t.observe(snapshot("zsh", false, false), Map.of(), 0);
        t.apply(
                new Signal(
                        Source.HOOK,
                        "claude",
                        Status.RUNNING,
                        new Signal.Where(null, null, null, 777L),
                        "s",
                        null,
                        null,
                        false),
                5);
        assertEquals("%1", t.agents().get(0).pane());
    }

    @Test
    void transcriptsNeverStartARowInAPaneNotRunningTheAgent() {
        tracker.observe(snapshot("zsh", false, false), Map.of(), 0);
        Signal s = new Signal(
                Source.TRANSCRIPT,
                "claude",
                Status.RUNNING,
                new Signal.Where(null, null, "/src", null),
                "old",
                null,
                null,
                false);
        assertEquals(Tracker.Outcome.NO_PANE, tracker.apply(s, 10));
        assertEquals(0, tracker.size());
    }

    /** A notify or transcript signal naming a pane that exists but runs no such agent: say so, not "no pane". */
    @Test
    void aSignalForAPaneThatRunsAnotherProgramIsNotRunningNotNoPane() {
        tracker.observe(snapshot("zsh", false, false), Map.of(), 0);
        Signal notify = Signal.of(Source.TRANSCRIPT, "codex", Status.DONE, "%1", null);
        assertEquals(Tracker.Outcome.NOT_RUNNING, tracker.apply(notify, 10));
        assertEquals(
                Tracker.Outcome.NO_PANE,
                tracker.apply(Signal.of(Source.TRANSCRIPT, "codex", Status.DONE, "%99", null), 10));
        assertEquals(0, tracker.size());
    }

    @Test
    void aNewThreadInTheSamePaneReplacesTheOldRow() {
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 0);
        tracker.apply(Signal.of(Source.HOOK, "claude", Status.DONE, "%1", "old"), 10);
        tracker.apply(Signal.of(Source.HOOK, "claude", Status.RUNNING, "%1", "new"), 20);
        assertEquals(1, tracker.size());
        assertEquals("new", agent("%1").thread());
    }

    @Test
    void staleAndPruning() {
        tracker.observe(snapshot("claude", true, false), Map.of("%1", "claude", "%2", "claude"), 0);
        tracker.apply(Signal.of(Source.HOOK, "claude", Status.RUNNING, "%1", "a"), 0);
        tracker.tick(Silence.STALE_RUNNING_MS);
        assertEquals("stale", status("%1"));
        tracker.apply(Signal.of(Source.HOOK, "claude", Status.DONE, "%1", "a"), Silence.STALE_RUNNING_MS + 1);
        // The agent exits but the pane stays: a seen done row lives 5 min, an unseen one 15.
        tracker.apply(Signal.of(Source.HOOK, "claude", Status.DONE, "%2", "b"), Silence.STALE_RUNNING_MS + 1);
        Map<String, String> none = Map.of();
        long t0 = Silence.STALE_RUNNING_MS + 1;
        tracker.observe(snapshot("zsh", true, false), none, t0 + 1);
        tracker.tick(t0 + Row.SEEN_TTL_MS);
        assertEquals("gone", status("%1"));
        assertEquals("done", status("%2"), "unseen rows stay longer");
        tracker.tick(t0 + Row.UNSEEN_TTL_MS);
        assertEquals(0, tracker.size());
    }

    @Test
    void runningRowsWithNoProcessAndNoSignalArePruned() {
        tracker.observe(snapshot("zsh", false, false), Map.of(), 0);
        tracker.apply(Signal.of(Source.HOOK, "aider", Status.RUNNING, "%1", null), 0);
        tracker.tick(Row.DEAD_RUNNING_TTL_MS - 1);
        assertEquals(1, tracker.size());
        tracker.tick(Row.DEAD_RUNNING_TTL_MS);
        assertEquals(0, tracker.size());
    }

    @Test
    void knownAgentProcessesShowUpIdle() {
        tracker.observe(snapshot("zsh", false, false), Map.of("%2", "aider"), 0);
        assertEquals("idle", status("%2"));
        assertEquals("aider", agent("%2").agent());
        assertEquals("$2", agent("%2").sessionId());
    }

    private Agent agent(String pane) {
        return tracker.agents().stream()
                .filter(a -> a.pane().equals(pane))
                .findFirst()
                .orElseThrow();
    }

    /**
     * An agent seen through ssh (pane %1 runs ssh): its row comes from its screen, is marked with the
     * host, hears nothing of this machine's hooks or transcripts, and ends with the ssh.
     */
    @Test
    void anAgentThroughSshGoesByItsScreenIsMarkedWithItsHostAndEndsWithTheSsh() throws Exception {
        Identities there = new Identities(Map.of(), Map.of("%1", new Remote("ssh", "devbox")));
        tracker.observe(snapshot("ssh", false, false), there, 0);
        assertEquals(List.of(), tracker.agents(), "a pane at a remote prompt shows no agent");
        assertEquals(
                Tracker.Outcome.CHANGED,
                tracker.apply(Signal.of(Source.SCREEN, "claude", Status.RUNNING, "%1", null), 10));
        Agent a = tracker.agents().get(0);
        assertEquals("devbox", a.host());
        assertEquals(Status.RUNNING, a.status());
        Signal localHook = HookMapping.claude(
                dev.muxbar.json.Json.parse("{\"hook_event_name\":\"Stop\",\"session_id\":\"s\"}"), "%1", null);
        assertEquals(Tracker.Outcome.IGNORED, tracker.apply(localHook, 20), "a hook here is not about the agent there");
        assertEquals("running", status("%1"));
        tracker.observe(
                snapshot("ssh", false, false), new Identities(Map.of(), Map.of("%1", new Remote("ssh", "gpu-1"))), 30);
        assertEquals("gpu-1", tracker.agents().get(0).host(), "the same pane, now elsewhere");
        tracker.observe(snapshot("zsh", false, false), Identities.NONE, 40);
        assertEquals("gone", status("%1"), "the ssh ended: so did the agent over there, for this pane");
    }
}
