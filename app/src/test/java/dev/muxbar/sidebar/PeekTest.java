package dev.muxbar.sidebar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.sidebar.render.Ansi;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.sidebar.view.PeekMode;
import dev.muxbar.sidebar.view.Place;
import dev.muxbar.sidebar.view.Renderer;
import dev.muxbar.sidebar.view.View;
import dev.muxbar.state.ManualScheduler;
import dev.muxbar.theme.Color;
import dev.muxbar.theme.Rgb;
import dev.muxbar.theme.Theme;
import dev.muxbar.tmux.FakeTmux;
import dev.muxbar.tmux.PaneWatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeekTest {

    private final Color fg = new Color.Default();
    private final Color bg = new Rgb(0, 0, 0);

    @Test
    void capturedColoursBecomeSpans() {
        List<Line.Span> s = Ansi.spans(
                "\u001b[1m~/src\u001b[0m $ \u001b[38;5;208mwarn\u001b[39m \u001b[38;2;1;2;3;48;5;4mrgb\u001b[0m é✓",
                fg,
                bg);
        assertEquals(
                List.of(
                        new Line.Span("~/src", fg, bg, true),
                        new Line.Span(" $ ", fg, bg, false),
                        new Line.Span("warn", new Color.Indexed(208), bg, false),
                        new Line.Span(" ", fg, bg, false),
                        new Line.Span("rgb", new Rgb(1, 2, 3), new Color.Ansi(4), false),
                        new Line.Span(" é✓", fg, bg, false)),
                s);
        assertEquals(
                List.of(new Line.Span("link", fg, bg, false)),
                Ansi.spans("\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\", fg, bg),
                "OSC hyperlinks dropped");
        assertEquals(
                List.of(new Line.Span("x", new Color.Ansi(9), bg, false)),
                Ansi.spans("\u001b[91mx\u001b[38;5;-1m", fg, bg));
        assertEquals(
                List.of(new Line.Span("a2Jb", fg, bg, false)),
                Ansi.spans("a\u009b2Jb\u007f\u0007", fg, bg),
                "control characters never pass (what followed an 8-bit CSI is plain text)");
    }

    /** The pane's digest as tmux prints it for the watch: activity, history, cursor, mode, title. */
    private static List<String> digest(String pane, String d) {
        return List.of("\u001e" + pane + "\u001f" + d);
    }

    @Test
    void aPaneIsReadOnlyWhilePeekedAndOnlyWhenItsDigestMoves() {
        ManualScheduler clock = new ManualScheduler();
        FakeTmux tmux = new FakeTmux();
        List<String> screen = new ArrayList<>(List.of("$ make", "building"));
        String[] now = {"100 0 0 1 0 t"};
        tmux.answering("capture-pane", c -> List.copyOf(screen));
        tmux.answering("display-message", c -> digest("%3", now[0]));
        List<List<String>> shown = new ArrayList<>();
        PaneWatch panes = new PaneWatch(tmux, clock, clock);
        PeekFeed feed = new PeekFeed(tmux, panes, clock, clock);
        clock.advance(1_000);
        assertEquals(0, tmux.commands.size(), "nobody peeks: no command");
        PeekFeed.Peek peek = feed.start("%3", shown::add);
        clock.runReady();
        assertEquals(
                List.of("capture-pane -e -p -t '%3'"), tmux.sent("capture-pane").subList(0, 1));
        assertEquals(List.of("$ make", "building"), shown.get(0));
        clock.advance(PaneWatch.SETTLE_MS + 1_000);
        int reads = tmux.sent("capture-pane").size();
        clock.advance(PeekFeed.WATCH_MS * 20);
        assertEquals(reads, tmux.sent("capture-pane").size(), "the digest sits still: no more reads");
        screen.add("ok");
        now[0] = "100 0 0 2 0 t"; // a line printed: the cursor moved
        clock.advance(PeekFeed.WATCH_MS);
        assertEquals(reads + 1, tmux.sent("capture-pane").size(), "read within one watch tick");
        assertEquals(List.of("$ make", "building", "ok"), shown.get(shown.size() - 1));
        peek.stop();
        int digests = tmux.sent("display-message").size();
        now[0] = "101 0 0 3 0 t";
        clock.advance(PeekFeed.WATCH_MS * 10);
        assertEquals(digests, tmux.sent("display-message").size(), "stopped: no more digests");
        assertEquals(reads + 1, tmux.sent("capture-pane").size(), "stopped: no more reads");
    }

    /** A pane pouring output: every tick shows a new digest, but it is read a few times a second. */
    @Test
    void aStreamingPaneCostsAFewCapturesASecond() {
        ManualScheduler clock = new ManualScheduler();
        FakeTmux tmux = new FakeTmux();
        int[] line = {0};
        tmux.answering("capture-pane", c -> List.of("line " + line[0]));
        tmux.answering("display-message", c -> digest("%3", "100 " + (++line[0]) + " 0 40 0 t"));
        PeekFeed feed = new PeekFeed(tmux, new PaneWatch(tmux, clock, clock), clock, clock);
        feed.start("%3", lines -> {});
        clock.runReady();
        clock.advance(10_000);
        long perSecond = feed.captures() / 10;
        assertTrue(perSecond <= 1_000 / PeekFeed.BUSY_MS + 1, perSecond + " captures a second");
        assertTrue(perSecond >= 2, "it still follows: " + perSecond);
    }

    @Test
    void thePeekShowsTheLastLinesWithTheirColours() {
        Theme t = Theme.builtIn("default");
        PeekMode pk = new PeekMode(
                Place.HERE, "%3", "claude", List.of("line 1", "line 2", "\u001b[32mok\u001b[0m", "> ", "", ""));
        List<Line> rows = pk.over(new Renderer.Input(null, t, View.INITIAL.withMode(pk), "$0", 20, 10), 4)
                .orElseThrow();
        assertEquals(
                List.of(" claude %3          ", "line 2              ", "ok                  ", ">                   "),
                rows.stream().map(Line::text).toList());
        assertEquals(new Color.Ansi(2), rows.get(2).spans().get(0).fg());
        assertEquals(20, rows.get(1).text().length());
        assertEquals(24, SidebarInput.peekWidth("50%", 48));
        assertEquals(30, SidebarInput.peekWidth(null, 60), "default: half the window");
        assertEquals(37, SidebarInput.peekWidth("200", 48), "leaves the content 10 columns and the border");
        assertEquals(40, SidebarInput.peekWidth("x", 80), "not a width: half the window");
    }
}
