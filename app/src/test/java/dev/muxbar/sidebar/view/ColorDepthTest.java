package dev.muxbar.sidebar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.muxbar.model.Snapshot;
import dev.muxbar.sidebar.render.FrameBytes;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.testing.Snapshots;
import dev.muxbar.theme.Color;
import dev.muxbar.theme.Rgb;
import dev.muxbar.theme.Theme;
import dev.muxbar.theme.Xterm256;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which sidebars get the 256-colour fallback, and how each kind of colour reaches the tty. */
class ColorDepthTest {

    @Test
    void windowsSeenByAClientWithoutRgbAreTheLowColourOnes() {
        Snapshot base = Snapshots.of(1, 1, "$0", "a", "$1", "b", "$2", "c");
        Snapshot s = new Snapshot(
                base.server(),
                base.sessions(),
                List.of(
                        new Snapshot.Client("/dev/pts/1", "/dev/pts/1", 1, "$0", 0, 80, 24, true),
                        new Snapshot.Client("/dev/pts/2", "/dev/pts/2", 2, "$1", 0, 80, 24, false),
                        new Snapshot.Client("/dev/pts/3", "/dev/pts/3", 3, "$2", 0, 80, 24, false),
                        new Snapshot.Client("/dev/pts/4", "/dev/pts/4", 4, "$2", 0, 80, 24, true)));
        String a = base.sessions().get(0).windows().get(0).id();
        String b = base.sessions().get(1).windows().get(0).id();
        String c = base.sessions().get(2).windows().get(0).id();
        assertEquals(
                Set.of(b, c),
                s.windowsViewedWithoutRgb(),
                "c is also seen by a true-colour client, but one viewer without it is enough");
        assertEquals(false, s.windowsViewedWithoutRgb().contains(a));
    }

    @Test
    void everyKindOfColourBecomesTheRightSgr() {
        assertEquals("38;2;1;2;3", FrameBytes.colour(new Rgb(1, 2, 3), false));
        assertEquals("48;2;1;2;3", FrameBytes.colour(new Rgb(1, 2, 3), true));
        assertEquals("38;5;236", FrameBytes.colour(new Color.Indexed(236), false));
        assertEquals("48;5;236", FrameBytes.colour(new Color.Indexed(236), true));
        assertEquals("31", FrameBytes.colour(Color.parse("red"), false));
        assertEquals("47", FrameBytes.colour(Color.parse("white"), true));
        assertEquals("90", FrameBytes.colour(Color.parse("bright-black"), false));
        assertEquals("107", FrameBytes.colour(Color.parse("bright-white"), true));
        assertEquals("39", FrameBytes.colour(Color.DEFAULT, false));
        assertEquals("49", FrameBytes.colour(Color.DEFAULT, true));
    }

    @Test
    void aLowColourFrameUsesOnlyXtermIndexes() {
        Theme low = Xterm256.map(Theme.builtIn("nord"));
        List<Line> lines =
                Renderer.render(new Renderer.Input(RendererTest.withAgents(), low, View.INITIAL, "$0", 30, 12));
        for (Line l : lines) {
            for (Line.Span sp : l.spans()) {
                assertEquals(Color.Indexed.class, sp.fg().getClass(), sp.toString());
                assertEquals(Color.Indexed.class, sp.bg().getClass(), sp.toString());
            }
        }
        assertEquals(
                new Color.Indexed(Xterm256.nearest(Rgb.parse("#2e3440"))),
                lines.get(0).spans().get(0).bg());
    }

    @Test
    void theTerminalThemesCursorRowKeepsItsTextVisible() {
        Theme term = Theme.builtIn("terminal");
        List<Line> lines = Renderer.render(
                new Renderer.Input(RendererTest.withAgents(), term, View.INITIAL.withCursor("$1"), "$0", 30, 12));
        for (Line.Span sp : lines.get(3).spans()) { // the cursor row: bright-black, as are muted numbers
            if (!sp.text().isBlank()) {
                assertEquals(false, sp.fg().equals(sp.bg()), "invisible: " + sp);
            }
        }
    }
}
