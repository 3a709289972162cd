package dev.muxbar.tmux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Commands#relayout} against tmux: whatever becomes of it — applied, the window resized or
 * gone since, a layout tmux refuses — tmux answers with the two blocks it declares, so the reply to
 * the next line is still that line's; and it never resizes a window.
 */
class RelayoutIT {

    private final Teardown cleanup = new Teardown();

    @AfterEach
    void stop() {
        cleanup.close();
    }

    @Test
    void everyOutcomeIsTwoBlocksAndNoWindowIsResized() throws Exception {
        TmuxServer tmux = cleanup.track(new TmuxServer("s"));
        tmux.tmux("split-window", "-h", "-t", "s");
        String w = tmux.display("s", "#{window_id}");
        ControlClient c = cleanup.track(ControlClient.start(new TmuxAddress(tmux.socket), n -> {}, () -> {}));
        Layout now = Layout.parse(tmux.display("s", "#{window_layout}"));
        Layout wider = Layout.parse(tmux.display("s", "#{window_layout}"))
                .scaled(200, 40)
                .placed(0, 0);
        Layout other =
                now.children().get(0).scaled(now.width(), now.height()).placed(0, 0); // one cell: tmux refuses it

        for (Layout l : List.of(wider, other)) {
            assertEquals(List.of("next"), roundTrip(c, Commands.relayout(w, l)), l.dump());
        }
        assertEquals(List.of("next"), roundTrip(c, Commands.relayout("@999", now)), "a window that is gone");
        assertEquals("160x40", tmux.display("s", "#{window_width}x#{window_height}"), "never resized");
        Layout moved = new Layout(
                160,
                40,
                0,
                0,
                Layout.Kind.SIDE_BY_SIDE,
                -1,
                List.of(
                        new Layout(40, 40, 0, 0, Layout.Kind.PANE, 0, List.of()),
                        new Layout(119, 40, 41, 0, Layout.Kind.PANE, 1, List.of())));
        assertEquals(List.of("next"), roundTrip(c, Commands.relayout(w, moved)));
        assertEquals(
                "40 119",
                tmux.tmux("list-panes", "-t", "s", "-F", "#{pane_width}")
                        .strip()
                        .replace('\n', ' '));
    }

    /** Sends the command, then a display: returns what the display's reply says. */
    private static List<String> roundTrip(ControlClient c, TmuxCommand<?> command) throws Exception {
        c.send(command.line(), command.blocks());
        return c.send("display-message -p next").get(5, TimeUnit.SECONDS).lines();
    }
}
