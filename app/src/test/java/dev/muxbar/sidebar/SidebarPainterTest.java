package dev.muxbar.sidebar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Choices;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Snapshot.Client;
import dev.muxbar.model.Snapshot.Pane;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.model.Snapshot.Window;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.sidebar.pane.PaneScreen;
import dev.muxbar.sidebar.pane.SidebarPane;
import dev.muxbar.sidebar.render.AgentView;
import dev.muxbar.state.Core;
import dev.muxbar.state.ManualScheduler;
import dev.muxbar.theme.Theme;
import dev.muxbar.theme.ThemeChoices;
import dev.muxbar.theme.ThemeResult;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.FakeTmux;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The painter and the input path over fake screens: which sidebars open, close, paint, and act on keys. */
class SidebarPainterTest {

    /** A screen that keeps the frames it was shown. */
    static final class FakeScreen implements PaneScreen {
        final String id;
        final Consumer<KeyStroke> keys;
        final List<SidebarPane.Frame> frames = new ArrayList<>();
        boolean closed;

        FakeScreen(String id, Consumer<KeyStroke> keys) {
            this.id = id;
            this.keys = keys;
        }

        @Override
        public String paneId() {
            return id;
        }

        @Override
        public String tty() {
            return "/dev/pts/" + id.substring(1);
        }

        @Override
        public void show(SidebarPane.Frame frame) {
            frames.add(frame);
        }

        @Override
        public long paints() {
            return frames.size();
        }

        @Override
        public long bytesWritten() {
            return 0;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final Theme THEME = Theme.builtIn("default");
    private final ManualScheduler clock = new ManualScheduler();
    private final Map<String, FakeScreen> screens = new LinkedHashMap<>();
    private final List<String> keysSeen = new ArrayList<>();
    private final ThemeChoices themes = new ThemeChoices() {
        @Override
        public Theme current() {
            return THEME;
        }

        @Override
        public List<Theme> all() {
            return List.of(THEME);
        }

        @Override
        public ThemeResult set(String name, boolean keep) {
            return new ThemeResult.Shown(name, keep);
        }
    };
    private final SidebarPainter painter = new SidebarPainter(
            clock,
            clock,
            themes,
            (id, tty, w, h, keys, gone) -> screens.computeIfAbsent(id, i -> new FakeScreen(i, keys)),
            (id, k) -> keysSeen.add(id + " " + k.getKeyType()));

    private static Pane content(String id) {
        return new Pane(id, "/dev/pts/1", 1, "zsh", "/", true, "t", 129, 40, false);
    }

    private static Pane sidebar(String id) {
        return new Pane(id, "/dev/pts/" + id.substring(1), 2, "sleep", "/", false, "muxbar", 30, 40, true);
    }

    /** Session $0 with window @1 (viewed by a client) and @2 (not viewed); sidebars as given. */
    private static Model model(List<Agent> agents, Choices choices, Pane... sidebarsOf1And2) {
        List<Pane> w1 = new ArrayList<>(List.of(content("%1")));
        List<Pane> w2 = new ArrayList<>(List.of(content("%2")));
        for (Pane p : sidebarsOf1And2) {
            (p.id().equals("%9") ? w1 : w2).add(p);
        }
        Session s = new Session(
                "$0",
                "alpha",
                1,
                1,
                List.of(
                        new Window("@1", 0, "w", true, 160, 40, false, w1),
                        new Window("@2", 1, "v", false, 160, 40, false, w2)));
        Snapshot snap = new Snapshot(
                new Snapshot.ServerInfo(1, 1, "3.3a"),
                List.of(s),
                List.of(new Client("c", "/dev/pts/30", 30, "$0", 0, 200, 50)));
        return Model.of(snap, OrderBook.EMPTY.reconcile(snap), agents, Set.of(), choices);
    }

    @Test
    void opensEverySidebarPaintsOnlyTheVisibleOneAndClosesTheGone() {
        painter.sync(model(List.of(), Choices.DEFAULT, sidebar("%9"), sidebar("%8")), true);
        painter.repaint();
        assertEquals(Set.of("%9", "%8"), screens.keySet());
        assertEquals(1, screens.get("%9").frames.size(), "@1 is viewed: painted");
        assertEquals(0, screens.get("%8").frames.size(), "@2 is not: painted when it is");
        painter.sync(model(List.of(), Choices.DEFAULT, sidebar("%9")), true);
        assertTrue(screens.get("%8").closed, "its pane went: its screen closes");
        painter.sync(model(List.of(), Choices.DEFAULT.withSidebars(false), sidebar("%9")), false);
        assertTrue(screens.get("%9").closed, "sidebars off: every screen closes");
    }

    @Test
    void aSidebarTmuxJustMadeIsPaintedBeforeAnySnapshotShowsIt() {
        painter.sync(model(List.of(), Choices.DEFAULT), true);
        painter.opened("@1", new Commands.NewPane("%9", 30, 40, "/dev/pts/9"));
        assertEquals(1, screens.get("%9").frames.size());
        painter.sync(model(List.of(), Choices.DEFAULT), true); // the snapshot does not show it yet
        assertTrue(!screens.get("%9").closed, "fresh: kept until a snapshot can show it");
        clock.advance(SidebarPainter.FRESH_MS + 1);
        painter.sync(model(List.of(), Choices.DEFAULT), true);
        assertTrue(screens.get("%9").closed, "never showed up: closed");
    }

    @Test
    void theNoticeOfTheModelIsInTheFrameAndWorkingAgentsAnimate() {
        Agent working = new Agent("%1", "@1", "$0", "claude", "t", Status.RUNNING, Source.HOOK, 0, null, null, false);
        painter.sync(model(List.of(working), Choices.DEFAULT.withNotice("claude waits"), sidebar("%9")), true);
        painter.repaint();
        painter.animate();
        SidebarPane.Frame f = screens.get("%9").frames.get(0);
        assertEquals("claude waits", f.input().notice());
        int before = screens.get("%9").frames.size();
        clock.advance(AgentView.FRAME_MS * 3);
        assertTrue(
                screens.get("%9").frames.size() >= before + 3,
                "the spinner turns: " + screens.get("%9").frames.size());
        painter.sync(model(List.of(), Choices.DEFAULT, sidebar("%9")), true);
        painter.animate();
        int still = screens.get("%9").frames.size();
        clock.advance(SidebarPainter.AGE_REPAINT_MS * 2);
        assertEquals(still, screens.get("%9").frames.size(), "no agents: no timer");
    }

    @Test
    void aKeyOnTheActiveSidebarActsAndOneElsewhereIsCounted() {
        FakeTmux tmux = new FakeTmux()
                .answering(
                        "display-message", c -> c.contains("'%9'") ? List.of("1 @1 1 1 $0") : List.of("0 @2 1 1 $1"));
        Core core = dev.muxbar.testing.Cores.over(tmux, clock, clock);
        dev.muxbar.act.AgentActions agents = new dev.muxbar.act.AgentActions(
                tmux, clock, painter::model, dev.muxbar.agents.AgentRules.load(null, m -> {}), m -> {}, s -> {});
        SidebarInput input = new SidebarInput(
                tmux,
                clock,
                painter,
                new SidebarActions(
                        tmux,
                        core,
                        clock,
                        m -> {},
                        painter::model,
                        agents,
                        dev.muxbar.act.OtherMachines.NONE,
                        dev.muxbar.act.Lifetimes.NONE),
                dev.muxbar.act.OtherMachines.NONE,
                new PeekFeed(tmux, new dev.muxbar.tmux.PaneWatch(tmux, clock, clock), clock, clock));
        painter.sync(model(List.of(), Choices.DEFAULT, sidebar("%9"), sidebar("%8")), true);
        input.onKey("%9", new KeyStroke('\n', false, false)); // Enter on the viewed window's active sidebar
        clock.runReady();
        assertTrue(
                tmux.sent("switch-client").stream().anyMatch(c -> c.contains("-c 'c' -t '$0'")),
                tmux.commands.toString());
        input.onKey("%8", new KeyStroke(KeyType.ArrowDown));
        clock.runReady();
        assertEquals(
                1,
                painter.describe().stream()
                        .filter(i -> i.pane().equals("%8"))
                        .findFirst()
                        .orElseThrow()
                        .ignoredKeys(),
                "not the active pane: ignored, and counted");
    }
}
