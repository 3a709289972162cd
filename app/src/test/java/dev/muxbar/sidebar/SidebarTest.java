package dev.muxbar.sidebar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.sidebar.view.ListMode;
import dev.muxbar.sidebar.view.PeekMode;
import dev.muxbar.sidebar.view.Place;
import dev.muxbar.state.ManualScheduler;
import dev.muxbar.tmux.FakeTmux;
import dev.muxbar.tmux.PaneWatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One sidebar owns its view and its peek: the peek's reads live exactly as long as the peek. */
class SidebarTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final FakeTmux tmux = new FakeTmux();
    private final List<String> screen = new ArrayList<>(List.of("$ make"));
    private final PeekFeed feed;
    private final SidebarPainterTest.FakeScreen pane = new SidebarPainterTest.FakeScreen("%9", k -> {});
    private final Sidebar sidebar = new Sidebar(pane);

    SidebarTest() {
        tmux.answering("capture-pane", c -> List.copyOf(screen));
        tmux.answering("display-message", c -> List.of("\u001e%3\u001f100 0 0 " + screen.size() + " 0 t"));
        feed = new PeekFeed(tmux, new PaneWatch(tmux, clock, clock), clock, clock);
    }

    private void peekAt(String agentPane) {
        sidebar.show(sidebar.view().withMode(new PeekMode(Place.HERE, agentPane, "claude", List.of())));
        sidebar.peek(feed.start(agentPane, sidebar::peekLines));
        clock.runReady();
    }

    @Test
    void aPeekShowsTheLinesReadAndEndingItStopsEveryRead() {
        sidebar.place("@1", 30, 20);
        peekAt("%3");
        assertTrue(sidebar.peeking());
        assertEquals("%3", sidebar.peekTarget());
        assertEquals(List.of("$ make"), ((PeekMode) sidebar.view().mode()).lines());
        screen.add("ok");
        clock.advance(PeekFeed.WATCH_MS * 2);
        assertEquals(List.of("$ make", "ok"), ((PeekMode) sidebar.view().mode()).lines());
        assertTrue(sidebar.peekReads() >= 2, "reads: " + sidebar.peekReads());

        assertTrue(sidebar.endPeek());
        assertEquals(new ListMode(), sidebar.view().mode(), "the list again");
        assertFalse(sidebar.peeking());
        assertNull(sidebar.peekTarget());
        int reads = tmux.sent("capture-pane").size();
        int digests = tmux.sent("display-message").size();
        screen.add("more");
        clock.advance(5_000);
        assertEquals(reads, tmux.sent("capture-pane").size(), "no read after the peek ended");
        assertEquals(digests, tmux.sent("display-message").size(), "no digest either");
        assertFalse(sidebar.endPeek(), "ending twice: nothing to end");
    }

    @Test
    void closingTheSidebarEndsItsPeekAndReleasesItsTty() {
        peekAt("%3");
        sidebar.close();
        assertTrue(pane.closed);
        int reads = tmux.sent("capture-pane").size();
        screen.add("after");
        clock.advance(5_000);
        assertEquals(reads, tmux.sent("capture-pane").size(), "a closed sidebar's peek reads nothing");
    }

    @Test
    void anotherPeekReplacesTheFirstAndLinesForAClosedPeekAreRefused() {
        peekAt("%3");
        peekAt("%4");
        assertEquals("%4", sidebar.peekTarget());
        sidebar.show(sidebar.view().withMode(new ListMode())); // a key closed the peek's mode
        assertFalse(sidebar.peekLines(List.of("late")), "lines for a peek no longer shown");
    }
}
