package dev.muxbar.tmux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Layout#without} against tmux itself: for arrangements a user makes, a sidebar split in as
 * muxbar splits it, then removed with kill-pane: tmux's layout afterwards is what {@code without}
 * computed, and select-layout accepts that text.
 */
class LayoutIT {

    private final Teardown cleanup = new Teardown();

    @AfterEach
    void stop() {
        cleanup.close();
    }

    /** Each arrangement: the splits after a fresh 160x40 window, then the sidebar split. */
    private static final List<List<List<String>>> ARRANGEMENTS = List.of(
            List.of(List.of("split-window", "-f", "-hb", "-l", "30")),
            List.of(List.of("split-window", "-h"), List.of("split-window", "-f", "-hb", "-l", "30")),
            List.of(
                    List.of("split-window", "-h"),
                    List.of("split-window", "-v"),
                    List.of("split-window", "-f", "-hb", "-l", "30")),
            List.of(List.of("split-window", "-v"), List.of("split-window", "-f", "-hb", "-l", "31")),
            List.of(
                    List.of("split-window", "-h"),
                    List.of("split-window", "-h"),
                    List.of("split-window", "-f", "-hb", "-l", "29")),
            List.of(
                    List.of("split-window", "-h"),
                    List.of("split-window", "-v"),
                    List.of("split-window", "-f", "-h", "-l", "30")),
            List.of(
                    List.of("split-window", "-v"),
                    List.of("split-window", "-h"),
                    List.of("split-window", "-f", "-h", "-l", "33")),
            List.of(
                    List.of("split-window", "-h"),
                    List.of("split-window", "-h"),
                    List.of("split-window", "-h"),
                    List.of("split-window", "-f", "-hb", "-l", "30")));

    @Test
    void removingTheSidebarGivesWhatTmuxsKillPaneGives() throws Exception {
        TmuxServer tmux = cleanup.track(new TmuxServer("s"));
        int n = 0;
        for (List<List<String>> steps : ARRANGEMENTS) {
            String w = "s:" + (++n);
            tmux.tmux("new-window", "-d", "-t", w);
            String sidebar = "";
            for (List<String> step : steps) {
                List<String> args = new java.util.ArrayList<>(step);
                args.addAll(List.of("-d", "-t", w + ".0", "-P", "-F", "#{pane_id}"));
                sidebar = tmux.tmux(args.toArray(new String[0])).strip();
            }
            String with = tmux.display(w, "#{window_layout}");
            Layout parsed = Layout.parse(with);
            assertEquals(with, parsed.dump(), "parse and dump give tmux's text back");
            String ours = parsed.without(Integer.parseInt(sidebar.substring(1))).dump();
            tmux.tmux("kill-pane", "-t", sidebar);
            String theirs = tmux.display(w, "#{window_layout}");
            assertEquals(theirs, ours, "arrangement " + n + " " + steps + " from " + with);
            tmux.tmux("select-layout", "-t", w, ours);
            assertEquals(theirs, tmux.display(w, "#{window_layout}"), "select-layout takes it");
        }
    }
}
