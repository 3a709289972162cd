package dev.muxbar.sidebar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.state.ManualScheduler;
import dev.muxbar.theme.Color;
import dev.muxbar.theme.Rgb;
import dev.muxbar.theme.Theme;
import dev.muxbar.tmux.FakeTmux;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeekTest {

    private final Color fg = new Color.Default();
    private final Color bg = new Rgb(0, 0, 0);

    @Test
    void capturedColoursBecomeSpans() {
        List<Line.Span> s = Ansi.spans("\u001b[1m~/src\u001b[0m $ \u001b[38;5;208mwarn\u001b[39m \u001b[38;2;1;2;3;48;5;4mrgb\u001b[0m é✓",
                fg, bg);
        assertEquals(List.of(new Line.Span("~/src", fg, bg, true), new Line.Span(" $ ", fg, bg, false),
                new Line.Span("warn", new Color.Indexed(208), bg, false), new Line.Span(" ", fg, bg, false),
                new Line.Span("rgb", new Rgb(1, 2, 3), new Color.Ansi(4), false), new Line.Span(" é✓", fg, bg, false)), s);
        assertEquals(List.of(new Line.Span("link", fg, bg, false)),
                Ansi.spans("\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\", fg, bg), "OSC hyperlinks dropped");
        assertEquals(List.of(new Line.Span("x", new Color.Ansi(9), bg, false)), Ansi.spans("\u001b[91mx\u001b[38;5;-1m", fg, bg));
        assertEquals(List.of(new Line.Span("a2Jb", fg, bg, false)), Ansi.spans("a\u009b2Jb\u007f\u0007", fg, bg),
                "control characters never pass (what followed an 8-bit CSI is plain text)");
    }

    @Test
    void aPaneIsReadOnlyWhilePeekedAndOnlyWhileItsOutputChanges() {
        ManualScheduler clock = new ManualScheduler();
        FakeTmux tmux = new FakeTmux();
        List<String> screen = new ArrayList<>(List.of("$ make", "building"));
        tmux.answering("capture-pane", c -> List.copyOf(screen));
        List<List<String>> shown = new ArrayList<>();
        PeekFeed feed = new PeekFeed(tmux, clock, clock, (sidebar, lines) -> shown.add(lines));
        feed.onSubscription("muxbar-peek-9");
        assertEquals(0, tmux.commands.size(), "nobody peeks: no command");
        feed.start("%9", "%3");
        clock.runReady();
        assertEquals(List.of("refresh-client -B 'muxbar-peek-9:%3:#{window_activity}#{history_size}#{cursor_x}#{cursor_y}#{pane_title}'"),
                tmux.sent("refresh-client"));
        assertEquals(List.of("capture-pane -e -p -t '%3'"), tmux.sent("capture-pane"));
        assertEquals(1, shown.size());
        // Following: the next read comes FOLLOW_MS later; an unchanged screen ends the following.
        clock.advance(PeekFeed.FOLLOW_MS);
        assertEquals(2, tmux.sent("capture-pane").size());
        clock.advance(PeekFeed.FOLLOW_MS * 10);
        assertEquals(2, tmux.sent("capture-pane").size(), "unchanged: no more reads until the output moves");
        screen.add("ok");
        feed.onSubscription("muxbar-peek-9");
        clock.runReady();
        assertEquals(3, tmux.sent("capture-pane").size());
        assertEquals(List.of("$ make", "building", "ok"), shown.get(shown.size() - 1));
        feed.stop("%9");
        assertEquals(List.of("refresh-client -B 'muxbar-peek-9'"), tmux.sent("refresh-client").subList(1, 2));
        clock.advance(PeekFeed.FOLLOW_MS * 10);
        feed.onSubscription("muxbar-peek-9");
        clock.runReady();
        assertEquals(feed.captures(), tmux.sent("capture-pane").size());
        assertTrue(feed.captures() <= 4, "stopped: no more reads");
    }

    @Test
    void thePeekShowsTheLastLinesWithTheirColours() {
        Theme t = Theme.builtIn("default");
        View.Mode.Peek pk = new View.Mode.Peek("%3", "claude", List.of("line 1", "line 2", "\u001b[32mok\u001b[0m", "> ", "", ""));
        List<Line> rows = Renderer.peekRows(pk, 4, 20, t);
        assertEquals(List.of(" claude %3          ", "line 2              ", "ok                  ", ">                   "),
                rows.stream().map(Line::text).toList());
        assertEquals(new Color.Ansi(2), rows.get(2).spans().get(0).fg());
        assertEquals(20, rows.get(1).text().length());
        assertEquals(24, SidebarInput.peekWidth("50%", 48));
        assertEquals(30, SidebarInput.peekWidth(null, 60), "default: half the window");
        assertEquals(37, SidebarInput.peekWidth("200", 48), "leaves the content 10 columns and the border");
        assertEquals(40, SidebarInput.peekWidth("x", 80), "not a width: half the window");
    }
}
