package dev.muxbar.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two Codex in one directory, as Codex 0.169 reports them: hooks from one shared app-server (the
 * first pane's $TMUX_PANE, the first pane's process tree) and rollouts placed only by cwd. Neither
 * pane may show the other's turn.
 */
class TwoInOneDirectoryTest {

    // 900 is the app-server: a child of pane %1's Codex (150), itself a child of %1's shell (101).
    private static final Map<Long, Long> PARENTS = Map.of(901L, 900L, 900L, 150L, 150L, 101L);
    private static final Map<Long, String> COMMANDS = Map.of(
            900L,
            "/home/u/.codex/packages/app-server-daemon/releases/0.169.0/bin/codex app-server --listen unix:// --managed-daemon",
            150L,
            "codex",
            901L,
            "/bin/sh -c muxbar-hook codex");
    private static final long START_1 = 1_796_000_000_000L;
    private final Tracker tracker = new Tracker(new Processes() {
        @Override
        public long parentOf(long pid) {
            return PARENTS.getOrDefault(pid, 0L);
        }

        @Override
        public String commandLineOfDescendant(long pid, String name) {
            return null;
        }

        @Override
        public String commandLine(long pid) {
            return COMMANDS.get(pid);
        }

        @Override
        public long foregroundStartedAt(long shellPid) {
            return shellPid == 101 ? START_1 : 0; // pane %1's Codex started at START_1
        }
    });

    private void twoCodex() {
        Snapshot s = new Snapshot(
                new Snapshot.ServerInfo(1, 1, "3.3a"),
                List.of(AgentFixtures.session(1, "a", "codex", "/src"), AgentFixtures.session(2, "b", "codex", "/src")),
                List.of());
        tracker.observe(s, Map.of("%1", "codex", "%2", "codex"), 0);
    }

    /** As the daemon's loop applies a signal: stamped with the wall time it arrived at unless it has its own. */
    private Tracker.Outcome feed(Signal s, long t) {
        return tracker.apply(s.at() > 0 ? s : s.at(START_1 + t), t);
    }

    private String status(String pane) {
        return tracker.agents().stream()
                .filter(a -> a.pane().equals(pane))
                .map(a -> a.status().label() + " " + a.thread())
                .findFirst()
                .orElse("gone");
    }

    /** A hook as the app-server sends it: $TMUX_PANE is %1 whoever's thread it is; $PPID the app-server. */
    private Signal hook(String event, String thread) throws Exception {
        return hook(event, thread, "run ls");
    }

    private Signal hook(String event, String thread, String prompt) throws Exception {
        String body = "{\"hook_event_name\":\"" + event + "\",\"session_id\":\"" + thread + "\",\"cwd\":\"/src\","
                + "\"tool_name\":\"Bash\",\"tool_use_id\":\"call_1\",\"prompt\":\"" + prompt + "\"}";
        return HookMapping.codex(dev.muxbar.json.Json.parse(body), "%1", "901");
    }

    /** A rollout's user turn with a prompt too short to tell screens apart: only timing can place it. */
    private static Signal turn(Signal.Where cwd, String thread) {
        return new Signal(Source.TRANSCRIPT, "codex", Status.RUNNING, cwd, thread, null, null, false)
                .withCue(Signal.Cue.TURN_START, null)
                .titled("go on");
    }

    private Signal screen(String pane, Status s) {
        return Signal.of(Source.SCREEN, "codex", s, pane, null);
    }

    @Test
    void aHookFromTheSharedServerWaitsForTheScreenOfItsOwnPane() throws Exception {
        twoCodex();
        assertEquals(
                Tracker.Outcome.HELD,
                feed(hook("UserPromptSubmit", "t2"), 1_000),
                "%1 is only the server's pane: the thread could be either's");
        assertEquals("idle null", status("%1"));
        feed(screen("%2", Status.IDLE), 900);
        feed(screen("%2", Status.RUNNING), 1_300); // pane %2 went busy when its prompt was sent
        assertEquals(Tracker.Outcome.HELD, feed(hook("PreToolUse", "t2"), 1_400));
        tracker.tick(1_000 + ThreadBinder.AFTER_MS - 1);
        assertEquals(
                "running null",
                status("%2"),
                "the window is still open (another pane may go busy too): the screen speaks");
        tracker.tick(1_000 + ThreadBinder.AFTER_MS);
        assertEquals("tool-running t2", status("%2"), "bound to %2, its held signals replayed in order");
        assertEquals("idle null", status("%1"), "the first pane never shows the other's turn");
        // From now on the thread's signals go straight to its pane.
        assertEquals(Tracker.Outcome.CHANGED, feed(hook("Stop", "t2"), 5_000));
        assertEquals("done t2", status("%2"));
        assertEquals("idle null", status("%1"));
    }

    @Test
    void rolloutsOfTwoThreadsInOneDirectoryGoToTheirOwnPanes() throws Exception {
        twoCodex();
        Signal.Where cwd = new Signal.Where(null, null, "/src", null);
        feed(screen("%1", Status.IDLE), 0);
        feed(screen("%2", Status.IDLE), 0);
        feed(turn(cwd, "t1"), 10_000);
        feed(screen("%1", Status.RUNNING), 10_400);
        feed(turn(cwd, "t2"), 20_000);
        feed(screen("%2", Status.RUNNING), 20_300);
        tracker.tick(20_000 + ThreadBinder.AFTER_MS);
        assertEquals("running t1", status("%1"));
        assertEquals("running t2", status("%2"));
        feed(new Signal(Source.TRANSCRIPT, "codex", Status.DONE, cwd, "t1", null, null, false), 30_000);
        assertEquals("done t1", status("%1"));
        assertEquals("running t2", status("%2"));
    }

    @Test
    void turnsStartedTogetherWaitForAnEdgeOnlyOnePaneHas() throws Exception {
        twoCodex();
        Signal.Where cwd = new Signal.Where(null, null, "/src", null);
        feed(screen("%1", Status.IDLE), 0);
        feed(screen("%2", Status.IDLE), 0);
        feed(turn(cwd, "t1"), 1_000);
        feed(turn(cwd, "t2"), 1_100);
        feed(screen("%1", Status.RUNNING), 1_300);
        feed(screen("%2", Status.RUNNING), 1_350);
        tracker.tick(10_000);
        assertEquals("running null", status("%1"), "both went busy together: nothing says whose is whose");
        assertEquals("running null", status("%2"));
        feed(new Signal(Source.TRANSCRIPT, "codex", Status.DONE, cwd, "t2", null, null, false), 12_000);
        feed(screen("%2", Status.DONE), 12_400); // t2 ends first: only %2 goes idle then
        tracker.tick(14_000);
        assertEquals("done t2", status("%2"));
        assertEquals("running null", status("%1"), "t1 is still unplaced");
    }

    @Test
    void aThreadNothingPlacesIsDroppedNotGuessed() throws Exception {
        twoCodex();
        feed(hook("UserPromptSubmit", "t9"), 1_000);
        tracker.tick(1_000 + ThreadBinder.HOLD_MS);
        long later = 1_000 + ThreadBinder.HOLD_MS + 100;
        feed(screen("%2", Status.IDLE), later);
        feed(screen("%2", Status.RUNNING), later + 100);
        tracker.tick(later + 10 * ThreadBinder.AFTER_MS);
        assertEquals("idle null", status("%1"));
        assertEquals("running null", status("%2"), "its signals were dropped, not replayed into a pane at random");
    }

    @Test
    void aHookOutsideASharedServerKeepsItsPane() throws Exception {
        twoCodex();
        Signal s = HookMapping.codex(
                dev.muxbar.json.Json.parse(
                        "{\"hook_event_name\":\"UserPromptSubmit\",\"session_id\":\"t1\",\"cwd\":\"/src\",\"prompt\":\"x\"}"),
                "%2",
                "150");
        assertEquals(Tracker.Outcome.CHANGED, feed(s, 10), "an older Codex runs hooks as its own child");
        assertEquals("running t1", status("%2"));
    }

    @Test
    void theOnlyCodexInItsDirectoryTakesTheServersHooksAtOnce() throws Exception {
        Snapshot s = new Snapshot(
                new Snapshot.ServerInfo(1, 1, "3.3a"),
                List.of(
                        AgentFixtures.session(1, "a", "codex", "/src"),
                        AgentFixtures.session(2, "b", "codex", "/other")),
                List.of());
        tracker.observe(s, Map.of("%1", "codex", "%2", "codex"), 0);
        Signal h = HookMapping.codex(
                dev.muxbar.json.Json.parse(
                        "{\"hook_event_name\":\"UserPromptSubmit\",\"session_id\":\"t5\",\"cwd\":\"/other\",\"prompt\":\"x\"}"),
                "%1",
                "901");
        assertEquals(Tracker.Outcome.CHANGED, feed(h, 10));
        assertEquals("running t5", status("%2"), "by its cwd, not by the server's $TMUX_PANE");
        assertEquals("idle null", status("%1"));
    }

    @Test
    void aRolloutOfTheCodexThatRanInThePaneBeforeIsNotTheNewOnes() throws Exception {
        Snapshot s = new Snapshot(
                new Snapshot.ServerInfo(1, 1, "3.3a"),
                List.of(AgentFixtures.session(1, "a", "codex", "/src")),
                List.of());
        tracker.observe(s, Map.of("%1", "codex"), 0);
        Signal.Where cwd = new Signal.Where(null, null, "/src", null);
        Signal old = new Signal(Source.TRANSCRIPT, "codex", Status.DONE, cwd, "t0", null, null, false)
                .at(START_1 - Placement.START_SLACK_MS - 1);
        assertEquals(Tracker.Outcome.NO_PANE, feed(old, 10), "written before this Codex started");
        assertEquals("idle null", status("%1"));
        Signal resumed = new Signal(Source.TRANSCRIPT, "codex", Status.RUNNING, cwd, "t0", null, null, false)
                .at(START_1 + 5_000);
        assertEquals(Tracker.Outcome.CHANGED, feed(resumed, 20), "a resumed thread is written to again");
        assertEquals("running t0", status("%1"));
    }

    @Test
    void aPromptTypedInOnePaneOnlyPlacesItsThreadAtOnce() throws Exception {
        twoCodex();
        tracker.screen("%1", "› Ask Codex to do anything", 900);
        tracker.screen("%2", "› fix the flaky login test", 900); // typed, about to be sent
        assertEquals(
                Tracker.Outcome.CHANGED,
                feed(hook("UserPromptSubmit", "t2", "fix the flaky login test"), 1_000),
                "the only screen showing the prompt: no need to wait for the screens to move");
        assertEquals("running t2", status("%2"));
        assertEquals("idle null", status("%1"));
        tracker.screen("%1", "› fix the flaky login test", 2_000);
        assertEquals(
                Tracker.Outcome.HELD,
                feed(hook("UserPromptSubmit", "t3", "fix the flaky login test"), 2_100),
                "both screens show it: no evidence");
        assertEquals(
                Tracker.Outcome.HELD,
                feed(hook("UserPromptSubmit", "t4", "yes"), 2_200),
                "too short to tell screens apart");
    }

    /**
     * Seen with the real Codex in a fresh CODEX_HOME: the first pane's first turn starts seconds late
     * (start-up), right into the second pane's busy edge. Its prompt on the first pane's screen
     * decides, also after it has scrolled away; timing alone never overrules it.
     */
    @Test
    void aPromptSeenOnOneScreenOutweighsTimingAndStaysEvidenceAfterItScrolls() throws Exception {
        twoCodex();
        Signal.Where cwd = new Signal.Where(null, null, "/src", null);
        feed(screen("%1", Status.IDLE), 0);
        feed(screen("%2", Status.IDLE), 0);
        tracker.screen("%1", "› say hello (a1)", 1_000); // sent; Codex still starting up
        feed(screen("%1", Status.RUNNING), 1_000);
        tracker.screen("%2", "› say hello (b1)", 3_500);
        feed(screen("%2", Status.RUNNING), 3_500); // the second pane's turn starts as the first one's arrives
        Signal start = new Signal(Source.TRANSCRIPT, "codex", Status.RUNNING, cwd, "t1", null, null, false)
                .withCue(Signal.Cue.TURN_START, null)
                .titled("say hello (a1)");
        feed(start, 3_600);
        tracker.tick(3_700);
        assertEquals("running t1", status("%1"), "its prompt is on %1's screen only");
        assertEquals("running null", status("%2"));
        Signal other = new Signal(Source.TRANSCRIPT, "codex", Status.RUNNING, cwd, "t2", null, null, false)
                .withCue(Signal.Cue.TURN_START, null)
                .titled("say hello (b1)");
        tracker.screen("%2", "• Hello\n› ", 4_000); // b1 scrolled away before t2's first line is read
        feed(other, 4_100);
        tracker.screen("%2", "› say hello (b1)\n• Hello\n› ", 4_200); // in the history again
        tracker.tick(4_300);
        assertEquals("running t2", status("%2"));
        assertEquals("running t1", status("%1"), "never the other's thread");
    }

    /**
     * Seen with the real Codex in a fresh CODEX_HOME: before any prompt it runs a start-up task of
     * its own (task_started, task_complete, no user message). Its edges matched whichever pane moved
     * then, and both threads went to one pane. Such edges place nothing; the prompt does.
     */
    @Test
    void edgesWithNoPromptBehindThemPlaceNothing() throws Exception {
        twoCodex();
        Signal.Where cwd = new Signal.Where(null, null, "/src", null);
        feed(screen("%1", Status.IDLE), 0);
        feed(screen("%2", Status.IDLE), 0);
        Signal startup = new Signal(Source.TRANSCRIPT, "codex", Status.RUNNING, cwd, "t1", null, null, false)
                .withCue(Signal.Cue.TURN_START, null);
        feed(startup, 1_000);
        feed(screen("%2", Status.RUNNING), 1_100); // the other pane happens to move
        feed(new Signal(Source.TRANSCRIPT, "codex", Status.DONE, cwd, "t1", null, null, false), 1_400);
        feed(screen("%2", Status.IDLE), 1_500);
        tracker.tick(10_000);
        assertEquals("idle null", status("%2"), "its edges line up with %2's, but no prompt started them");
        for (int i = 0; i < ThreadBinder.MAX_SIGNALS + 10; i++) { // the start-up task writes on and on
            feed(new Signal(Source.TRANSCRIPT, "codex", Status.IDLE, cwd, "t1", null, null, false), 2_000 + i);
        }
        tracker.screen("%1", "› say hello (a1)", 11_000);
        feed(
                new Signal(Source.TRANSCRIPT, "codex", Status.RUNNING, cwd, "t1", null, null, false)
                        .withCue(Signal.Cue.TURN_START, null)
                        .titled("say hello (a1)"),
                11_100);
        assertEquals("running t1", status("%1"), "the prompt places it");
        assertEquals("idle null", status("%2"));
    }

    /** A pane whose agent is gone leaves nothing in the binder: not its screen, not its bindings. */
    @Test
    void theBinderForgetsPanesThatNoLongerRunAnAgent() throws Exception {
        twoCodex();
        tracker.screen("%1", "› say hello (a1)", 100);
        tracker.screen("%2", "› say hello (b1)", 100);
        feed(hook("UserPromptSubmit", "t2", "say hello (b1)"), 200);
        assertEquals(java.util.Set.of("%1", "%2"), tracker.binderPanes());
        Snapshot s = new Snapshot(
                new Snapshot.ServerInfo(1, 1, "3.3a"),
                List.of(AgentFixtures.session(1, "a", "bash", "/src"), AgentFixtures.session(2, "b", "codex", "/src")),
                List.of());
        tracker.observe(s, Map.of("%2", "codex"), 300);
        assertEquals(java.util.Set.of("%2"), tracker.binderPanes(), "%1 runs a shell now");
        tracker.observe(s, Map.of(), Silence.STALE_RUNNING_MS * 20);
        tracker.tick(Silence.STALE_RUNNING_MS * 20); // the rows go
        tracker.observe(s, Map.of(), Silence.STALE_RUNNING_MS * 20 + 1);
        assertEquals(0, tracker.size());
        assertEquals(java.util.Set.of(), tracker.binderPanes(), "no agent anywhere: nothing kept");
    }
}
