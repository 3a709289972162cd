package dev.muxbar.agentservice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.muxbar.agents.AgentRules;
import dev.muxbar.agents.Signal;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.state.ManualScheduler;
import dev.muxbar.tmux.FakeTmux;
import dev.muxbar.tmux.PaneWatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the screen reports as a Codex pane's screen changes, stepped with a manual clock. */
class ScreenWatcherTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final FakeTmux tmux = new FakeTmux();
    private final List<String> reported = new ArrayList<>();
    private String digest = "100 0 0 1 0 work";
    private List<String> screen = List.of();

    private static final List<String> WORKING = List.of(
            "› run a long tool",
            "• Working (1s • esc to interrupt) · 1 background terminal running",
            "› Ask Codex to do anything",
            "  mock-model default · /src",
            "  ← for agents · ? for shortcuts");
    private static final List<String> FINISHED = List.of(
            "› run a long tool",
            "• It slept.",
            "  Worked for 6s • 00:32",
            "› Ask Codex to do anything",
            "  mock-model default · /src",
            "  ← for agents · ? for shortcuts");

    ScreenWatcherTest() {
        tmux.answering("display-message", c -> List.of("\u001e%1\u001f" + digest));
        tmux.answering("capture-pane", c -> screen);
    }

    private void show(List<String> lines, String newDigest) {
        screen = lines;
        digest = newDigest;
        clock.advance(PaneWatch.SETTLE_MS + 2 * ScreenWatcher.WATCH_MS);
    }

    private static final List<String> REVIEW =
            List.of("  Hooks need review", "› 1. Review hooks", "  2. Trust all and continue");
    private static final List<String> IDLE = List.of("› Ask Codex to do anything", "  ← for agents · ? for shortcuts");
    private static final List<String> APPROVAL = List.of(
            "› make a file",
            "  Would you like to run the following command?",
            "› 1. Yes, proceed (y)",
            "  3. No, and tell Codex what to do differently (esc)",
            "  Press enter to confirm or esc to cancel");

    private final List<Signal> signals = new ArrayList<>();
    private AgentRules rules = AgentRules.load(null, m -> {});

    private void watch() {
        watch(
                "codex",
                List.of(new Agent("%1", "@1", "$1", "codex", null, Status.IDLE, Source.SCREEN, 0, null, null, false)));
    }

    private void watch(String command, List<Agent> agents) {
        ScreenWatcher w = new ScreenWatcher(
                tmux,
                new PaneWatch(tmux, clock, clock),
                clock,
                clock,
                rules,
                (Signal s) -> {
                    signals.add(s);
                    reported.add(s.end() ? "ended" : s.status().label());
                },
                (p, t) -> {});
        Snapshot.Pane p = new Snapshot.Pane("%1", "/dev/pts/1", 101, command, "/src", true, "work", 80, 24, false);
        Snapshot.Window win = new Snapshot.Window("@1", 0, "w", true, 80, 24, false, List.of(p));
        Snapshot s = new Snapshot(
                new Snapshot.ServerInfo(1, 1, "3.3a"),
                List.of(new Snapshot.Session("$1", "a", 1, 0, List.of(win))),
                List.of());
        w.onModel(Model.of(s, OrderBook.EMPTY.reconcile(s), agents, Set.of()));
    }

    /**
     * A pane running ssh: its screen is read only when it changes; it names the agent over there by
     * its signature, and the row ends when the agent quits and the remote shell's prompt shows.
     */
    @Test
    void aPaneThroughSshShowsTheAgentItsScreenNamesAndLosesItWhenItQuits() {
        screen = List.of("me@devbox:~/src$ ls", "a  b", "me@devbox:~/src$ ");
        watch("ssh", List.of());
        clock.advance(PaneWatch.SETTLE_MS + 2 * ScreenWatcher.WATCH_MS);
        assertEquals(List.of(), reported, "a remote shell: no agent");
        int reads = tmux.sent("capture-pane").size();
        clock.advance(10_000);
        assertEquals(reads, tmux.sent("capture-pane").size(), "a remote shell sitting still costs no capture");
        show(WORKING, "101 0 0 1 0 work");
        assertEquals("running", reported.get(reported.size() - 1), reported.toString());
        Signal seen = signals.get(signals.size() - 1);
        assertEquals("codex", seen.agent());
        assertEquals("%1", seen.where().pane());
        assertEquals(true, seen.evidence().startsWith("screen through ssh"), seen.evidence());
        show(APPROVAL, "102 0 0 1 0 work");
        assertEquals("waiting", reported.get(reported.size() - 1));
        List<String> quit = new ArrayList<>(FINISHED);
        quit.add("me@devbox:~/src$ ");
        show(quit, "103 0 0 1 0 work");
        assertEquals("done", reported.get(reported.size() - 1), "not gone at the first look: " + reported);
        clock.advance(ScreenWatcher.GONE_MS);
        assertEquals("ended", reported.get(reported.size() - 1), reported.toString());
        assertEquals("codex", signals.get(signals.size() - 1).agent());
    }

    @Test
    void aFinishedTurnStaysDoneWhileTheScreenSitsStill() {
        watch();
        show(WORKING, "101 0 0 1 0 work");
        show(FINISHED, "102 0 0 1 0 work");
        show(FINISHED, "103 0 0 2 0 work"); // the cursor blinked: looked at again, the same prompt
        List<String> after = reported.subList(reported.indexOf("running"), reported.size());
        assertEquals(
                List.of("running", "done"),
                after.stream().distinct().toList(),
                "a second look at the same prompt must not turn the finished turn into plain idle: " + reported);
    }

    @Test
    void aDialogInATurnEndsItAndOneBeforeAnyTurnDoesNot() {
        watch();
        show(REVIEW, "101 0 0 1 0 work");
        show(IDLE, "102 0 0 1 0 work");
        assertEquals(
                "idle", reported.get(reported.size() - 1), "trusting hooks at start finishes no turn: " + reported);
        show(WORKING, "103 0 0 1 0 work");
        show(APPROVAL, "104 0 0 1 0 work");
        show(IDLE, "105 0 0 1 0 work");
        assertEquals("done", reported.get(reported.size() - 1), "denied: the turn is over: " + reported);
    }

    /** tmux's activity time is in seconds: a turn's end drawn in the second of the last spinner frame moves no digest. */
    @Test
    void aMovingScreenIsReadAgainUntilItStopsEvenWhenTheDigestCannotTell() {
        watch();
        show(IDLE, "100 0 0 1 0 work");
        screen = WORKING;
        digest = "101 0 0 1 0 work"; // the prompt sent: the digest moves once, and then stays
        clock.advance(ScreenWatcher.WATCH_MS + 10);
        assertEquals("running", reported.get(reported.size() - 1));
        screen = new java.util.ArrayList<>(WORKING);
        screen.set(1, "• Working (2s • esc to interrupt) · 1 background terminal running"); // the spinner's next frame
        clock.advance(ScreenWatcher.MIN_INTERVAL_MS + 10);
        screen = FINISHED; // drawn within the same second: the digest cannot tell
        clock.advance(ScreenWatcher.MIN_INTERVAL_MS + 10);
        assertEquals("done", reported.get(reported.size() - 1), "read at the next tick: " + reported);
        clock.advance(5_000); // one more look finds it still (and the digest's own settling look)
        int after = tmux.sent("capture-pane").size();
        clock.advance(10_000);
        assertEquals(after, tmux.sent("capture-pane").size(), "a screen that stopped moving costs nothing");
    }

    /**
     * A title rule reads the title the digest just read, not a snapshot's (which may be a refresh
     * old: a title change sends no notification). Codex 0.169.0 puts a braille spinner before its
     * title while it works ("⠦ work") — measured against its screen it lags the turn's end by
     * 100–300 ms, so the shipped rules do not use it; a user's title rule may.
     */
    @Test
    void aTitleRuleReadsTheTitleOfTheLatestDigest() throws Exception {
        AgentRules.Definition titled = AgentRules.parse(dev.muxbar.json.Json.parse(
                "{\"agent\":\"codex\",\"processes\":[\"codex\"],\"screen\":{\"lines\":6,\"otherwise\":\"idle\","
                        + "\"rules\":[{\"status\":\"running\",\"region\":\"title\",\"priority\":10,"
                        + "\"match\":\"^[\\u2800-\\u28ff] \"}]}}"));
        rules = AgentRules.of(List.of(titled));
        watch();
        show(FINISHED, "100 0 0 1 0 work");
        assertEquals("idle", reported.get(reported.size() - 1), reported.toString());
        show(FINISHED, "101 0 0 1 0 ⠦ work");
        assertEquals("running", reported.get(reported.size() - 1), "the title spins: " + reported);
        show(FINISHED, "102 0 0 1 0 work");
        assertEquals("done", reported.get(reported.size() - 1), "seen working, now at rest: " + reported);
    }
}
