package dev.muxbar.agents;

import static dev.muxbar.agents.AgentFixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which source may replace what another said, one rule per test. */
class AuthorityTest {

    private final Tracker tracker = new Tracker(pid -> 0);

    private String status() {
        return tracker.agents().get(0).status().label() + " "
                + tracker.agents().get(0).source().label();
    }

    @Test
    void anIdleScreenDoesNotUndoTheRegistrysTurnEnd() {
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 0);
        tracker.apply(Signal.of(Source.REGISTRY, "claude", Status.RUNNING, "%1", "s1"), 10);
        tracker.apply(Signal.of(Source.REGISTRY, "claude", Status.DONE, "%1", "s1"), 20);
        tracker.apply(Signal.of(Source.SCREEN, "claude", Status.IDLE, "%1", null), 30);
        assertEquals("done registry", status(), "every finished turn shows an idle prompt: no news");
        tracker.apply(Signal.of(Source.REGISTRY, "claude", Status.INTERRUPTED, "%1", "s1"), 40);
        assertEquals("interrupted registry", status(), "how it ended still may come");
    }

    @Test
    void aHookHeldUntilItsPaneWasKnownStillRefinesTheScreen() {
        tracker.observe(snapshot("claude", false, false), Map.of("%1", "claude"), 0);
        tracker.apply(
                Signal.of(Source.SCREEN, "claude", Status.RUNNING, "%1", null).at(2_000), 10);
        Signal tool = Signal.of(Source.HOOK, "claude", Status.TOOL_RUNNING, "%1", "s1")
                .at(1_900);
        tracker.apply(tool, 20);
        assertEquals("tool-running hook", status(), "older than the screen's word, but finer");
        tracker.apply(
                Signal.of(Source.TRANSCRIPT, "claude", Status.RUNNING, "%1", "s1")
                        .at(1_950),
                30);
        assertEquals("tool-running hook", status(), "a transcript line older than the hook's word is old news");
    }

    /** Codex on screen showed waiting 1.5–2.5 s after its approval was answered (issue 27). */
    @Test
    void anAnswerThroughMuxbarEndsTheWaitingAtOnceAndTheDialogsLastFrameIsNoNewOne() {
        tracker.observe(snapshot("codex", false, false), Map.of("%1", "codex"), 0);
        tracker.apply(Signal.of(Source.SCREEN, "codex", Status.RUNNING, "%1", null), 10);
        tracker.apply(Signal.of(Source.SCREEN, "codex", Status.WAITING, "%1", null), 20);
        Signal answered =
                Signal.of(Source.SCREEN, "codex", Status.RUNNING, "%1", null).withCue(Signal.Cue.ANSWERED, null);
        tracker.apply(answered, 100);
        assertEquals("running screen", status(), "at once, not after the screen's grace");
        tracker.apply(Signal.of(Source.SCREEN, "codex", Status.WAITING, "%1", null), 150);
        assertEquals("running screen", status(), "the dialog drawn once more before the agent redraws");
        tracker.apply(Signal.of(Source.SCREEN, "codex", Status.WAITING, "%1", null), 100 + Tracker.ANSWER_SETTLE_MS);
        assertEquals("waiting screen", status(), "a dialog still there later is a new one");
        tracker.apply(answered, 100 + Tracker.ANSWER_SETTLE_MS + 10);
        tracker.apply(Signal.of(Source.SCREEN, "codex", Status.DONE, "%1", null), 3_000);
        tracker.apply(answered, 3_010);
        assertEquals("done screen", status(), "an answer speaks only to a waiting row");
    }

    @Test
    void aPromptTheUserAnsweredInThePaneIsGoneAfterARedrawsWorthNotTheFullGrace() {
        tracker.observe(snapshot("codex", false, false), Map.of("%1", "codex"), 0);
        tracker.apply(Signal.of(Source.HOOK, "codex", Status.WAITING, "%1", "t"), 10);
        tracker.apply(Signal.of(Source.SCREEN, "codex", Status.WAITING, "%1", null), 300);
        tracker.apply(Signal.of(Source.SCREEN, "codex", Status.RUNNING, "%1", null), 300 + Tracker.SCREEN_GONE_MS);
        assertEquals("running screen", status(), "the screen showed this prompt; it is gone");
    }
}
