package dev.muxbar.sidebar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.model.Choices;
import dev.muxbar.model.HostView;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.testing.Snapshots;
import dev.muxbar.text.Cells;
import dev.muxbar.theme.Theme;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The other machines' headings below the session list: one row each, the link's state in words. */
class HostRowsTest {

    private final Snapshot snap = Snapshots.of(1, 1, "$0", "a", "$1", "b");

    private List<String> frame(List<HostView> hosts, int height, Mode mode) {
        Model m =
                Model.of(snap, OrderBook.EMPTY.reconcile(snap), List.of(), Set.of(), Choices.DEFAULT, Map.of(), hosts);
        List<Line> lines = Renderer.render(new Renderer.Input(
                m,
                Theme.builtIn("default"),
                View.INITIAL.withMode(mode),
                "$0",
                32,
                height,
                Map.of(),
                200_000,
                null,
                List.of()));
        assertEquals(height, lines.size());
        lines.forEach(l -> assertEquals(32, Cells.width(l.text()), l.text()));
        return lines.stream().map(Line::text).toList();
    }

    @Test
    void eachHostHasAHeadingWithItsState() {
        List<String> f = frame(
                List.of(
                        new HostView("devbox", "up", 0, "", List.of("/tmp/tmux-1000/default")),
                        new HostView("gpu-1", "down", 20_000, "Connection refused", List.of()),
                        new HostView("box", "needs-login", 0, "Permission denied", List.of())),
                20,
                new ListMode());
        String all = String.join("\n", f);
        assertTrue(all.contains("── devbox up ───"), all);
        assertTrue(all.contains("── gpu-1 down 3m ──"), all);
        assertTrue(all.contains("── box needs login: ssh box ──"), all);
        int lastSession =
                f.indexOf(f.stream().filter(l -> l.contains(" b ")).findFirst().orElseThrow());
        assertTrue(
                f.indexOf(f.stream()
                                .filter(l -> l.contains("devbox"))
                                .findFirst()
                                .orElseThrow())
                        > lastSession,
                "below the local list: " + all);
    }

    @Test
    void noHostsNoRowsAndAModeOverTheListCoversThemToo() {
        assertTrue(frame(List.of(), 20, new ListMode()).stream().noneMatch(l -> l.contains(" up ")));
        List<String> help = frame(List.of(new HostView("devbox", "up", 0, "", List.of())), 20, new HelpMode());
        assertTrue(help.stream().noneMatch(l -> l.contains("devbox")), String.join("\n", help));
    }

    @Test
    void aHostsSessionsAreListedBelowItsHeadingWithTheirAgents() {
        dev.muxbar.model.Agent waiting = new dev.muxbar.model.Agent(
                "%3",
                "@2",
                "$1",
                "claude",
                null,
                dev.muxbar.model.Status.WAITING,
                dev.muxbar.model.Source.SCREEN,
                0,
                null,
                null,
                false,
                null,
                "devbox");
        List<String> f = frame(
                List.of(new HostView(
                        "devbox",
                        "up",
                        0,
                        "",
                        List.of(),
                        List.of(new dev.muxbar.model.RemoteSession(
                                "/tmp/tmux-1000/default", "far-work", 3, true, List.of(waiting))))),
                20,
                new ListMode());
        int heading = f.indexOf(
                f.stream().filter(l -> l.contains("devbox up")).findFirst().orElseThrow());
        assertTrue(f.get(heading + 1).startsWith("   far-work"), String.join("\n", f));
        assertTrue(f.get(heading + 1).contains("3w"), f.get(heading + 1));
    }
}
