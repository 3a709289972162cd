package dev.muxbar.tmux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.state.ManualScheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaneWatchTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final FakeTmux tmux = new FakeTmux();
    private final Map<String, String> digests = new HashMap<>();
    private final List<String> heard = new ArrayList<>();

    PaneWatchTest() {
        tmux.answering("display-message", c -> {
            StringBuilder out = new StringBuilder();
            digests.forEach((pane, d) -> {
                if (c.contains("#," + pane.substring(1) + "#,")) {
                    out.append('\u001e').append(pane).append('\u001f').append(d);
                }
            });
            return List.of(out.toString());
        });
    }

    @Test
    void oneCommandPerTickForEveryPaneAndAWordOnlyWhenADigestMoves() {
        PaneWatch w = new PaneWatch(tmux, clock, clock);
        clock.advance(5_000);
        assertEquals(0, tmux.commands.size(), "nothing watched: no command");
        digests.put("%3", "100 0 0 1 0 claude");
        digests.put("%7", "100 0 0 1 0 bash");
        w.watch("%3", 250, heard::add);
        w.watch("%7", 250, heard::add);
        clock.runReady();
        clock.advance(250);
        assertEquals(List.of("%3", "%7"), heard, "the first look");
        int before = tmux.sent("display-message").size();
        clock.advance(1_000);
        assertEquals(before + 4, tmux.sent("display-message").size(), "one command per tick for both panes");
        clock.advance(1_000);
        assertEquals(List.of("%3", "%7", "%3", "%7"), heard, "once more when the first look has settled");
        heard.clear();
        clock.advance(2_000);
        assertEquals(List.of(), heard, "sitting still: nothing");
        digests.put("%7", "101 4 0 5 0 bash");
        clock.advance(250);
        assertEquals(List.of("%7"), heard);
        clock.advance(PaneWatch.SETTLE_MS + 250);
        assertEquals(List.of("%7", "%7"), heard, "and once more after it settled (a redraw within the same second)");
    }

    @Test
    void aStoppedWatchAndAGonePaneCostNothing() {
        PaneWatch w = new PaneWatch(tmux, clock, clock);
        digests.put("%3", "100 0 0 1 0 x");
        PaneWatch.Handle h = w.watch("%3", 40, heard::add);
        PaneWatch.Handle slow = w.watch("%5", 250, heard::add); // %5 is gone: tmux does not list it
        clock.advance(1_000);
        assertEquals(List.of("%3"), heard);
        assertTrue(tmux.sent("display-message").size() >= 20, "every 40 ms while %3 is watched that fast");
        h.stop();
        int n = tmux.sent("display-message").size();
        clock.advance(1_000);
        assertTrue(tmux.sent("display-message").size() - n <= 4, "back to every 250 ms");
        slow.stop();
        n = tmux.sent("display-message").size();
        clock.advance(5_000);
        assertEquals(n, tmux.sent("display-message").size(), "no watch: no command");
    }

    @Test
    void thePanesOfEverySessionAreAskedForByIdInOneLoop() {
        String line = Formats.paneDigestCommand(List.of("%3", "%12")).line();
        assertEquals(
                "display-message -p \"#{S:#{W:#{P:#{?#{m:*#,#{s/^.//:pane_id}#,*,#,3#,12#,},\u001e#{pane_id}\u001f"
                        + "#{window_activity} #{history_size} #{cursor_x} #{cursor_y} #{pane_in_mode} #{pane_title},}}}}\"",
                line);
        assertEquals(
                Map.of("%3", "1 2 3 4 0 a b", "%12", "5 6 7 8 1 "),
                Formats.paneDigestCommand(List.of("%3", "%12"))
                        .reply()
                        .apply(List.of(
                                "\u001e%3\u001f1 2 3 4 0 a b\u001e%12\u001f5 6 7 8 1 \u001e%3\u001f9 9 9 9 9 linked")));
    }
}
