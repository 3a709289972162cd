package dev.muxbar.sidebar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.model.Choices;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Snapshot.Pane;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.model.Snapshot.Window;
import dev.muxbar.state.ManualScheduler;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.FakeTmux;
import dev.muxbar.tmux.Formats.Part;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sidebars' lifecycle in tmux, driven through FakeTmux with time stepped by hand. */
class SidebarLifecycleTest {

    @TempDir
    Path tmp;

    private final ManualScheduler clock = new ManualScheduler();
    private final FakeTmux tmux = new FakeTmux().answering("split-window", c -> List.of("%9 30 40 /dev/pts/9"));
    private final List<String> opened = new ArrayList<>();
    private final List<Set<Part>> refreshes = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    private SidebarLifecycle lifecycle() {
        return new SidebarLifecycle(
                tmux,
                clock,
                clock,
                refreshes::add,
                "exec \"/m/sidebar-pane\"",
                (w, p) -> opened.add(w + " " + p),
                log::add);
    }

    private static final Choices ON = Choices.DEFAULT;

    private static Pane content(String id) {
        return new Pane(id, "/dev/pts/1", 1, "zsh", "/", true, "t", 129, 40, false);
    }

    private static Pane sidebar(String id, int width) {
        return new Pane(id, "/dev/pts/2", 2, "sleep", "/", false, "muxbar", width, 40, true);
    }

    private static Snapshot snapshot(Window... ws) {
        return new Snapshot(
                new Snapshot.ServerInfo(1, 1, "3.3a"), List.of(new Session("$0", "a", 1, 1, List.of(ws))), List.of());
    }

    private static Window window(String id, Pane... panes) {
        return new Window(id, 0, "w", true, 160, 40, false, List.of(panes));
    }

    @Test
    void aWindowWithoutSidebarGetsOneOpenedAtOnceAndMarked() {
        SidebarLifecycle l = lifecycle();
        l.plan(snapshot(window("@1", content("%1"))), ON, Set.of("@1"), Set.of());
        clock.runReady();
        assertEquals(
                List.of(
                        "split-window -d -f -hb -l 30 -t '@1' -P -F '#{pane_id} #{pane_width} #{pane_height} #{pane_tty}' "
                                + "'exec \"/m/sidebar-pane\"'"),
                tmux.sent("split-window"));
        assertEquals(List.of("@1 " + new Commands.NewPane("%9", 30, 40, "/dev/pts/9")), opened);
        assertEquals(
                List.of("set-option -g @muxbar-width '30'", "set-option -p -t '%9' @muxbar-sidebar '1'"),
                tmux.sent("set-option"),
                "the kept width told to tmux once, then the marker");
        assertEquals(Set.of(Part.PANES), refreshes.get(refreshes.size() - 1), "the marker is read back at once");
    }

    @Test
    void aPendingCreateIsNotRepeatedUntilItIsLostThenAskedAgain() {
        SidebarLifecycle l = lifecycle();
        Snapshot s = snapshot(window("@1", content("%1")));
        l.plan(s, ON, Set.of(), Set.of());
        l.plan(s, ON, Set.of(), Set.of()); // the snapshot does not show it yet
        assertEquals(1, tmux.sent("split-window").size());
        clock.advance(SidebarLifecycle.PENDING_MS + 1); // never showed up: the recheck asks again
        assertEquals(2, tmux.sent("split-window").size());
        l.plan(snapshot(window("@1", content("%1"), sidebar("%9", 30))), ON, Set.of(), Set.of());
        clock.advance(SidebarLifecycle.PENDING_MS + 1);
        assertEquals(2, tmux.sent("split-window").size(), "arrived: nothing more");
    }

    @Test
    void aCreateTmuxHasNotAnsweredYetIsNeverAskedAgainAndItsTimeStartsAtTheAnswer() {
        tmux.holding("split-window"); // a busy server: the split waits in its queue
        SidebarLifecycle l = lifecycle();
        Snapshot s = snapshot(window("@1", content("%1")));
        l.plan(s, ON, Set.of(), Set.of());
        clock.advance(3 * SidebarLifecycle.PENDING_MS); // seconds pass with the split still queued
        l.plan(s, ON, Set.of(), Set.of());
        assertEquals(1, tmux.sent("split-window").size(), "no second sidebar for a split still queued in tmux");

        tmux.held.get(0).complete(List.of("%9 30 40 /dev/pts/9"));
        clock.runReady();
        assertEquals(List.of("@1 " + new Commands.NewPane("%9", 30, 40, "/dev/pts/9")), opened);
        clock.advance(SidebarLifecycle.PENDING_MS - 1);
        l.plan(s, ON, Set.of(), Set.of()); // the marker is not read back yet
        assertEquals(1, tmux.sent("split-window").size(), "made just now: its time to show up starts at the answer");
        clock.advance(2);
        l.plan(s, ON, Set.of(), Set.of());
        assertEquals(2, tmux.sent("split-window").size(), "made but never seen: asked again");
    }

    /** 500 windows: the marker of the first sidebar waits behind 499 splits; the sidebar is not lost meanwhile. */
    @Test
    void aSidebarWhoseMarkerTmuxHasNotSetYetIsNotAskedForAgain() {
        tmux.holding("set-option");
        SidebarLifecycle l = lifecycle();
        Snapshot s = snapshot(window("@1", content("%1")));
        l.plan(s, ON, Set.of(), Set.of());
        clock.runReady();
        assertEquals(
                List.of("@1 " + new Commands.NewPane("%9", 30, 40, "/dev/pts/9")), opened, "the split was answered");
        clock.advance(3 * SidebarLifecycle.PENDING_MS); // the marker still queued in tmux
        l.plan(s, ON, Set.of(), Set.of()); // a snapshot cannot tell the unmarked sidebar from none
        assertEquals(1, tmux.sent("split-window").size(), "no second sidebar while its marker is queued");

        tmux.held.forEach(f -> f.complete(List.of()));
        clock.runReady();
        clock.advance(SidebarLifecycle.PENDING_MS - 1);
        l.plan(s, ON, Set.of(), Set.of());
        assertEquals(1, tmux.sent("split-window").size(), "marked just now: its time to show up starts at the marker");
        clock.advance(2);
        l.plan(s, ON, Set.of(), Set.of());
        assertEquals(2, tmux.sent("split-window").size(), "marked but never seen: asked again");
    }

    @Test
    void toggledOffEverySidebarGoesAndOnAgainTheyAreAskedForAtOnce() {
        SidebarLifecycle l = lifecycle();
        Snapshot bare = snapshot(window("@1", content("%1")));
        l.plan(bare, ON, Set.of(), Set.of()); // asked for; pending
        l.plan(
                snapshot(
                        window("@1", content("%1"), sidebar("%9", 30)), window("@2", content("%2"), sidebar("%8", 30))),
                ON.withSidebars(false),
                Set.of(),
                Set.of());
        assertEquals(List.of("kill-pane -t '%9'", "kill-pane -t '%8'"), tmux.sent("kill-pane"));
        assertTrue(refreshes.contains(Set.of(Part.WINDOWS, Part.PANES)), refreshes.toString());
        l.plan(bare, ON, Set.of(), Set.of());
        assertEquals(2, tmux.sent("split-window").size(), "toggled on: what was pending before no longer counts");
    }

    @Test
    void aKeptWidthIsToldToTmuxAndRepairedAfterTheResizeSettles() {
        SidebarLifecycle l = lifecycle();
        Snapshot s = snapshot(window("@1", content("%1"), sidebar("%9", 30)));
        l.plan(s, ON.withWidth(40, false), Set.of(), Set.of()); // a live preview: resized, not told
        assertEquals(List.of("set-option -g @muxbar-width '30'"), tmux.sent("set-option"));
        l.plan(s, ON.withWidth(40, true), Set.of(), Set.of()); // kept: told; tmux has not applied the resize yet
        assertEquals(
                List.of("set-option -g @muxbar-width '30'", "set-option -g @muxbar-width '40'"),
                tmux.sent("set-option"));
        assertEquals(List.of("resize-pane -t '%9' -x 40"), tmux.sent("resize-pane"));
        clock.advance(SidebarLifecycle.SETTLE_MS + 1);
        l.plan(s, ON.withWidth(40, true), Set.of(), Set.of());
        assertEquals(2, tmux.sent("resize-pane").size(), "still wrong after it settled: repaired again");
    }

    @Test
    void windowsSomeoneViewsGetTheirSidebarFirst() {
        SidebarLifecycle l = lifecycle();
        l.plan(
                snapshot(window("@1", content("%1")), window("@2", content("%2")), window("@3", content("%3"))),
                ON,
                Set.of("@3"),
                Set.of());
        assertTrue(
                tmux.sent("split-window").get(0).contains("-t '@3'"),
                tmux.sent("split-window").toString());
    }
}
