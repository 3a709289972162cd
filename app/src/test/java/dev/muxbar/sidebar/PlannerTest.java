package dev.muxbar.sidebar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Snapshot.Pane;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.model.Snapshot.Window;
import dev.muxbar.sidebar.Planner.Action;
import dev.muxbar.sidebar.Planner.Settings;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final Settings ON = new Settings(true, 30, false);

    private static Pane content(String id, int width) {
        return new Pane(id, "/dev/pts/1", 1, "zsh", "/", true, "t", width, 40, false);
    }

    private static Pane sidebar(String id, int width, String command) {
        return new Pane(id, "/dev/pts/2", 2, command, "/", false, "muxbar", width, 40, true);
    }

    private static Snapshot windows(Window... ws) {
        return new Snapshot(
                new Snapshot.ServerInfo(1, 1, "3.3a"), List.of(new Session("$0", "a", 1, 1, List.of(ws))), List.of());
    }

    private static Window window(String id, int width, boolean zoomed, Pane... panes) {
        return new Window(id, 0, "w", true, width, 40, zoomed, List.of(panes));
    }

    /** Other plugins' helper windows (oh-my-tmux's maximize): none made, one already there kept. */
    @Test
    void anExcludedWindowGetsNoNewSidebar() {
        Window helper = new Window("@5", 0, "maximized", true, 160, 40, false, List.of(content("%5", 160)), true);
        Window had = new Window(
                "@6", 0, "w", true, 160, 40, false, List.of(sidebar("%9", 30, "sleep"), content("%6", 129)), true);
        assertEquals(List.of(), Planner.plan(windows(helper, had), ON, Set.of(), Set.of()));
    }

    @Test
    void createsWhereMissingButNotTwice() {
        Snapshot s = windows(
                window("@0", 160, false, content("%0", 160)),
                window("@1", 160, false, sidebar("%9", 30, "sleep"), content("%1", 129)));
        assertEquals(List.of(new Action.Create("@0")), Planner.plan(s, ON, Set.of(), Set.of()));
        assertEquals(List.of(), Planner.plan(s, ON, Set.of("@0"), Set.of()), "already asked for");
    }

    @Test
    void duplicatesAndStaleSidebarsGo() {
        Snapshot s = windows(
                window("@0", 160, false, sidebar("%1", 30, "sleep"), sidebar("%2", 30, "sleep"), content("%0", 98)),
                window("@1", 160, false, sidebar("%3", 30, "bash"), content("%4", 129)));
        assertEquals(
                List.of(
                        new Action.Kill("%2", "duplicate"),
                        new Action.Kill("%3", "stale: runs bash"),
                        new Action.Create("@1")),
                Planner.plan(s, ON, Set.of(), Set.of()));
    }

    @Test
    void widthIsRepairedUnlessZoomedTooNarrowOrJustResized() {
        Window drifted = window("@0", 160, false, sidebar("%1", 50, "sleep"), content("%0", 109));
        assertEquals(List.of(new Action.Resize("%1", 30)), Planner.plan(windows(drifted), ON, Set.of(), Set.of()));
        assertEquals(List.of(), Planner.plan(windows(drifted), ON, Set.of(), Set.of("%1")), "settling");
        Window zoomed = window("@0", 160, true, sidebar("%1", 160, "sleep"), content("%0", 160));
        assertEquals(List.of(), Planner.plan(windows(zoomed), ON, Set.of(), Set.of()));
        Window narrow = window("@0", 31, false, sidebar("%1", 15, "sleep"), content("%0", 15));
        assertEquals(List.of(), Planner.plan(windows(narrow), ON, Set.of(), Set.of()));
    }

    @Test
    void aWindowWithOnlySidebarsCloses() {
        Snapshot s = windows(window("@0", 160, false, sidebar("%1", 160, "sleep")));
        assertEquals(List.of(new Action.CloseWindow("@0")), Planner.plan(s, ON, Set.of(), Set.of()));
    }

    @Test
    void offRemovesEverySidebar() {
        Snapshot s = windows(window("@0", 160, false, sidebar("%1", 30, "sleep"), content("%0", 129)));
        assertEquals(
                List.of(new Action.Kill("%1", "sidebars are off")),
                Planner.plan(s, new Settings(false, 30, false), Set.of(), Set.of()));
    }

    @Test
    void aLinkedWindowIsPlannedOnce() {
        Window w = window("@0", 160, false, content("%0", 160));
        Snapshot s = new Snapshot(
                new Snapshot.ServerInfo(1, 1, "3.3a"),
                List.of(new Session("$0", "a", 1, 1, List.of(w)), new Session("$1", "b", 2, 0, List.of(w))),
                List.of());
        assertEquals(List.of(new Action.Create("@0")), Planner.plan(s, ON, Set.of(), Set.of()));
    }

    @Test
    void widthIsClamped() {
        assertEquals(Settings.MIN_WIDTH, new Settings(true, 3, false).width());
        assertEquals(Settings.MAX_WIDTH, new Settings(true, 500, false).width());
    }
}
