package dev.muxbar.sidebar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Choices;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Resumable;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.testing.Snapshots;
import dev.muxbar.theme.Theme;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Remembered agents in the detail panel; b brings a session's back, z hibernates an agent. */
class BringBackTest {

    private final Snapshot snap = Snapshots.of(1, 1, "$0", "a", "$1", "b");
    private final Agent idle =
            new Agent("%5", "@0", "$0", "codex", null, Status.IDLE, Source.SCREEN, 0, null, null, false, null, null);
    private final List<Resumable> back = List.of(
            new Resumable("claude x", "claude", "x", "/src", "a", 0, 0, "live", 0, null),
            new Resumable("codex y", "codex", "y", "/src", "a", 1, 0, "hibernated", 812 * 1024, null),
            new Resumable(
                    "aider z",
                    "aider",
                    null,
                    "/src",
                    "a",
                    2,
                    0,
                    "live",
                    0,
                    "did not start in 30 s: cd '/src' && env 'aider'"));
    private final Model model = Model.of(
            snap,
            OrderBook.EMPTY.reconcile(snap),
            List.of(idle),
            Set.of(),
            Choices.DEFAULT,
            Map.of(),
            List.of(),
            back,
            Map.of(),
            Map.of());

    private Renderer.Input in(View v) {
        return new Renderer.Input(model, Theme.builtIn("default"), v, "$0", 40, 24, Map.of(), 0, null, List.of());
    }

    private static KeyStroke ch(char c) {
        return new KeyStroke(c, false, false);
    }

    @Test
    void theDetailPanelListsWhatCanComeBackAndBBringsItBack() {
        String frame = String.join(
                "\n", Renderer.render(in(View.INITIAL)).stream().map(Line::text).toList());
        assertTrue(frame.contains("⟲ claude to resume · b"), frame);
        assertTrue(
                frame.lines().anyMatch(l -> l.contains(" a ") && l.contains("z")),
                "a z on the session's row: " + frame);
        assertTrue(frame.contains("z codex hibernated · 812 MB · b"), frame);
        assertTrue(frame.contains("✗ aider did not start in 30 s"), frame);
        assertEquals(
                List.of(new Command.Resume("a")),
                Keys.handle(in(View.INITIAL), ch('b')).commands());
        View onB = View.INITIAL.withCursor("$1");
        assertEquals(
                List.of(new Command.Resume(Command.Resume.ORPHANS)),
                Keys.handle(in(onB), ch('b')).commands(),
                "a session with none: the agents whose session is gone");
    }

    @Test
    void nTakesANewAgentAsOneLine() {
        View form = Keys.handle(in(View.INITIAL), ch('N')).view();
        for (char c : "claude fix-login make it work".toCharArray()) {
            form = Keys.handle(in(form), ch(c)).view();
        }
        assertEquals(
                List.of(new Command.NewAgent("$0", "claude fix-login make it work")),
                Keys.handle(in(form), new KeyStroke(KeyType.Enter)).commands());
        assertEquals(
                List.of("claude", "fix-login", "null", "make it work"),
                java.util.Arrays.stream(AgentForm.parse("claude fix-login make it work"))
                        .map(String::valueOf)
                        .toList());
        assertEquals(
                List.of("codex", "null", "~/src/api", "null"),
                java.util.Arrays.stream(AgentForm.parse("codex ~/src/api"))
                        .map(String::valueOf)
                        .toList());
        assertEquals(
                List.of("claude", "null", "null", "fix the bug"),
                java.util.Arrays.stream(AgentForm.parse("claude fix the bug"))
                        .map(String::valueOf)
                        .toList(),
                "a plain word starts the prompt");
    }

    @Test
    void xThenWKillsTheSessionWithItsWorktree() {
        View ask = Keys.handle(in(View.INITIAL), ch('x')).view();
        assertEquals(
                List.of(new Command.Kill("$0", "$1", true)),
                Keys.handle(in(ask), ch('w')).commands());
        assertEquals(
                List.of(new Command.Kill("$0", "$1", false)),
                Keys.handle(in(ask), new KeyStroke(KeyType.Enter)).commands());
    }

    @Test
    void theAgentListGoesOnToTheRememberedOnesEnterWakesOneAndAReplyWakesItThenReachesIt() {
        View agents =
                Keys.handle(in(View.INITIAL), new KeyStroke(KeyType.ArrowRight)).view();
        View onHibernated = Keys.handle(in(Keys.handle(in(agents), ch('j')).view()), ch('j'))
                .view();
        assertEquals(2, onHibernated.agent(), "past the running codex and the claude to resume");
        assertTrue(String.join(
                        "\n",
                        Renderer.render(in(onHibernated)).stream()
                                .map(Line::text)
                                .toList())
                .contains("z codex hibernated"));
        assertEquals(
                List.of(new Command.Resume("codex y")),
                Keys.handle(in(onHibernated), new KeyStroke(KeyType.Enter)).commands());
        View reply = Keys.handle(in(onHibernated), ch('R')).view();
        for (char c : "go on".toCharArray()) {
            reply = Keys.handle(in(reply), ch(c)).view();
        }
        assertEquals(
                List.of(new Command.Resume("codex y", "go on")),
                Keys.handle(in(reply), new KeyStroke(KeyType.Enter)).commands(),
                "a reply to a hibernated agent wakes it, then reaches it");
    }

    @Test
    void zOnAnAgentHibernatesIt() {
        View agents =
                Keys.handle(in(View.INITIAL), new KeyStroke(KeyType.ArrowRight)).view();
        assertEquals(
                List.of(new Command.Hibernate("%5")),
                Keys.handle(in(agents), ch('z')).commands());
    }
}
