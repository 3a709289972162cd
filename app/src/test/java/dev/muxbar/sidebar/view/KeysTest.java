package dev.muxbar.sidebar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.testing.Snapshots;
import dev.muxbar.theme.Theme;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeysTest {

    private final Snapshot snap = Snapshots.of(1, 1, "$0", "a", "$1", "b", "$2", "c");
    private final Model model = Model.of(snap, OrderBook.EMPTY.reconcile(snap));

    private Renderer.Input in(View v) {
        return new Renderer.Input(model, Theme.builtIn("default"), v, "$1", 30, 12);
    }

    private static KeyStroke ch(char c) {
        return new KeyStroke(c, false, false);
    }

    /** The session a result switches to, or null. */
    private static String switchTo(Keys.Result r) {
        return r.commands().stream()
                .filter(c -> c instanceof Command.SwitchTo)
                .map(c -> ((Command.SwitchTo) c).sessionId())
                .findFirst()
                .orElse(null);
    }

    private static boolean leaves(Keys.Result r) {
        return r.commands().stream().anyMatch(c -> c instanceof Command.Leave);
    }

    @Test
    void movesStartFromTheWindowsOwnSessionAndStopAtTheEnds() {
        Keys.Result r = Keys.handle(in(View.INITIAL), ch('j'));
        assertEquals("$2", r.view().cursorSessionId());
        assertNull(switchTo(r));
        r = Keys.handle(in(r.view()), new KeyStroke(KeyType.ArrowDown));
        assertEquals("$2", r.view().cursorSessionId(), "stays on the last row");
        r = Keys.handle(in(r.view()), ch('k'));
        r = Keys.handle(in(r.view()), new KeyStroke(KeyType.ArrowUp));
        r = Keys.handle(in(r.view()), ch('k'));
        assertEquals("$0", r.view().cursorSessionId());
    }

    @Test
    void enterDigitsAndTabSwitch() {
        assertEquals("$1", switchTo(Keys.handle(in(View.INITIAL), new KeyStroke(KeyType.Enter))));
        assertEquals("$2", switchTo(Keys.handle(in(View.INITIAL), ch('3'))));
        assertNull(switchTo(Keys.handle(in(View.INITIAL), ch('9'))), "no 9th session");
        assertEquals("$2", switchTo(Keys.handle(in(View.INITIAL), new KeyStroke(KeyType.Tab))));
        assertEquals("$0", switchTo(Keys.handle(in(View.INITIAL), new KeyStroke(KeyType.ReverseTab))));
    }

    @Test
    void qAndEscapeLeaveOtherKeysDoNothing() {
        assertTrue(leaves(Keys.handle(in(View.INITIAL), ch('q'))));
        assertTrue(leaves(Keys.handle(in(View.INITIAL), new KeyStroke(KeyType.Escape))));
        Keys.Result r = Keys.handle(in(View.INITIAL), ch('z'));
        assertEquals(List.of(), r.commands());
    }

    @Test
    void reorderHideUnhide() {
        KeyStroke altDown = new KeyStroke(KeyType.ArrowDown, false, true);
        assertEquals(
                List.of(new Command.MoveTo("$1", 3)),
                Keys.handle(in(View.INITIAL), altDown).commands());
        KeyStroke altUp = new KeyStroke(KeyType.ArrowUp, false, true);
        assertEquals(
                List.of(new Command.MoveTo("$1", 1)),
                Keys.handle(in(View.INITIAL), altUp).commands());
        assertEquals(
                List.of(), Keys.handle(in(View.INITIAL.withCursor("$0")), altUp).commands(), "already first");
        assertEquals(
                List.of(new Command.Hide("$1")),
                Keys.handle(in(View.INITIAL), ch('d')).commands());
        assertEquals(
                List.of(new Command.UnhideAll()),
                Keys.handle(in(View.INITIAL), ch('u')).commands());
    }

    @Test
    void killNeedsConfirmationAndNamesTheNeighbour() {
        Keys.Result ask = Keys.handle(in(View.INITIAL), ch('x'));
        assertEquals(List.of(), ask.commands(), "nothing happens before confirmation");
        assertEquals(new ConfirmKill("$1", "b"), ask.view().mode());
        assertEquals(
                List.of(new Command.Kill("$1", "$2")),
                Keys.handle(in(ask.view()), new KeyStroke(KeyType.Enter)).commands());
        Keys.Result cancel = Keys.handle(in(ask.view()), ch('n'));
        assertEquals(List.of(), cancel.commands());
        assertEquals(new ListMode(), cancel.view().mode());
        assertEquals("$1", Keys.neighbour(model.shown(), "$2"), "the last one's neighbour is the previous");
    }

    @Test
    void promptsTypeEditAndSubmit() {
        View v = Keys.handle(in(View.INITIAL), ch('n')).view();
        for (char c : "wörk 1x".toCharArray()) {
            v = Keys.handle(in(v), ch(c)).view();
        }
        v = Keys.handle(in(v), new KeyStroke(KeyType.Backspace)).view();
        assertEquals(
                List.of(new Command.NewSession("wörk 1")),
                Keys.handle(in(v), new KeyStroke('\n', false, false)).commands());
        View r = Keys.handle(in(View.INITIAL), ch('r')).view();
        assertEquals(new NamePrompt("rename", "$1", "b"), r.mode());
        r = Keys.handle(in(r), ch('!')).view();
        assertEquals(
                List.of(new Command.Rename("$1", "b!")),
                Keys.handle(in(r), new KeyStroke(KeyType.Enter)).commands());
        assertEquals(
                List.of(), Keys.handle(in(r), new KeyStroke(KeyType.Escape)).commands(), "Esc cancels");
    }

    /** Was: the rename prompt could not be cleared (only Backspace, one character at a time). */
    @Test
    void theRenamePromptTakesReadlineKeys() {
        View r = Keys.handle(in(View.INITIAL), ch('r')).view();
        r = Keys.handle(in(r), new KeyStroke('u', true, false)).view(); // C-u
        assertEquals(new NamePrompt("rename", "$1", ""), r.mode());
        for (char c : "api srv".toCharArray()) {
            r = Keys.handle(in(r), ch(c)).view();
        }
        r = Keys.handle(in(r), new KeyStroke('w', true, false)).view(); // C-w: "api "
        r = Keys.handle(in(r), new KeyStroke('a', true, false)).view(); // C-a, then type at the start
        r = Keys.handle(in(r), ch('x')).view();
        r = Keys.handle(in(r), new KeyStroke(KeyType.End)).view();
        r = Keys.handle(in(r), ch('y')).view();
        assertEquals(
                List.of(new Command.Rename("$1", "xapi y")),
                Keys.handle(in(r), new KeyStroke(KeyType.Enter)).commands());
    }

    @Test
    void widthPickerResizesLiveKeepsOrReverts() {
        View v = Keys.handle(in(View.INITIAL), ch('w')).view();
        Keys.Result r = Keys.handle(in(v), new KeyStroke(KeyType.ArrowRight));
        assertEquals(List.of(new Command.Width(31, false)), r.commands());
        r = Keys.handle(in(r.view()), ch('L'));
        assertEquals(List.of(new Command.Width(36, false)), r.commands());
        assertEquals(
                List.of(new Command.Width(36, true)),
                Keys.handle(in(r.view()), new KeyStroke(KeyType.Enter)).commands());
        assertEquals(
                List.of(new Command.Width(30, false)),
                Keys.handle(in(r.view()), new KeyStroke(KeyType.Escape)).commands());
        View low = v;
        for (int i = 0; i < 10; i++) {
            low = Keys.handle(in(low), ch('H')).view();
        }
        assertEquals(new WidthMode(30, WidthMode.MIN_WIDTH), low.mode(), "clamped");
    }

    @Test
    void helpOpensAndAnyKeyCloses() {
        View v = Keys.handle(in(View.INITIAL), ch('?')).view();
        assertEquals(new HelpMode(), v.mode());
        List<String> frame = Renderer.render(in(v)).stream().map(Line::text).toList();
        assertTrue(frame.get(2).contains("move"), frame.toString());
        assertEquals(new ListMode(), Keys.handle(in(v), ch('j')).view().mode());
    }

    @Test
    void clickOnARowSwitchesAndTheWheelMoves() {
        // Rows: 0 header, 1 rule, 2 "a", 3 "b", 4 "c".
        MouseAction click = new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(5, 4));
        assertEquals("$2", switchTo(Keys.handle(in(View.INITIAL), click)));
        MouseAction onHeader = new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(5, 0));
        assertNull(switchTo(Keys.handle(in(View.INITIAL), onHeader)));
        MouseAction wheel = new MouseAction(MouseActionType.SCROLL_DOWN, 5, new TerminalPosition(5, 3));
        assertEquals("$2", Keys.handle(in(View.INITIAL), wheel).view().cursorSessionId());
    }

    @Test
    void filterMuteAndAgentNavigation() {
        Agent a1 = new Agent("%1", "@1", "$1", "claude", "t", Status.WAITING, Source.HOOK, 0, null, null, false);
        Agent a2 = new Agent("%5", "@5", "$1", "aider", null, Status.RUNNING, Source.SCREEN, 0, null, null, false);
        Model m = Model.of(snap, OrderBook.EMPTY.reconcile(snap), List.of(a1, a2), java.util.Set.of());
        java.util.function.Function<View, Renderer.Input> at =
                v -> new Renderer.Input(m, Theme.builtIn("default"), v, "$1", 30, 14);
        View v = View.INITIAL;
        for (View.Filter want : List.of(View.Filter.AGENTS, View.Filter.ATTENTION, View.Filter.ALL)) {
            v = Keys.handle(at.apply(v), ch('f')).view();
            assertEquals(want, v.filter());
        }
        assertEquals(
                List.of(new Command.Mute("$1")),
                Keys.handle(at.apply(v), ch('m')).commands());
        v = Keys.handle(at.apply(v), ch('l')).view();
        assertEquals(0, v.agent(), "into the agents of the cursor's session");
        v = Keys.handle(at.apply(v), ch('j')).view();
        assertEquals(1, v.agent());
        assertEquals("$1", v.cursorSessionId() == null || v.cursorSessionId().isEmpty() ? "$1" : v.cursorSessionId());
        Keys.Result r = Keys.handle(at.apply(v), new KeyStroke(KeyType.Enter));
        assertEquals(List.of(new Command.FocusAgent("$1", "@5", "%5")), r.commands());
        assertEquals(-1, r.view().agent());
        View back = Keys.handle(at.apply(v), new KeyStroke(KeyType.ArrowLeft)).view();
        assertEquals(-1, back.agent());
        assertEquals(0, Keys.handle(in(View.INITIAL), ch('l')).view().agent() + 1, "no agents: l does nothing");
    }

    @Test
    void anAgentsPromptIsAnsweredAndARepliesIsTypedFromTheAgentList() {
        Agent waiting = new Agent("%1", "@1", "$1", "claude", "t", Status.WAITING, Source.HOOK, 0, null, null, false);
        Agent working = new Agent("%5", "@5", "$1", "aider", null, Status.RUNNING, Source.SCREEN, 0, null, null, false);
        Model m = Model.of(snap, OrderBook.EMPTY.reconcile(snap), List.of(waiting, working), java.util.Set.of());
        java.util.function.Function<View, Renderer.Input> at =
                v -> new Renderer.Input(m, Theme.builtIn("default"), v, "$1", 30, 14);
        View list = Keys.handle(at.apply(View.INITIAL), ch('l')).view();
        assertEquals(
                List.of(new Command.ReadPrompt(Place.HERE, "%1")),
                Keys.handle(at.apply(list), ch('a')).commands());
        var choices = List.of(
                new dev.muxbar.agents.Prompts.Choice(1, "Yes", List.of("1"), false),
                new dev.muxbar.agents.Prompts.Choice(2, "No", List.of("2"), true));
        View asking = list.withMode(new AnswerMode(Place.HERE, "%1", "claude", "00112233aabbccdd", choices));
        assertEquals(List.of(), Keys.handle(at.apply(asking), ch('3')).commands(), "no third choice");
        Keys.Result picked = Keys.handle(at.apply(asking), ch('2'));
        assertEquals(List.of(new Command.Answer(Place.HERE, "%1", 2, "00112233aabbccdd")), picked.commands());
        assertEquals(new ListMode(), picked.view().mode());
        assertEquals(0, picked.view().agent(), "still in the agent list");
        assertEquals(
                List.of(),
                Keys.handle(at.apply(asking), new KeyStroke(KeyType.Escape)).commands());
        // R on the working agent: typed, Enter asks once more, a second Enter sends (forced).
        View second = Keys.handle(at.apply(list), ch('j')).view();
        View typing = Keys.handle(at.apply(second), ch('R')).view();
        for (char c : "go on".toCharArray()) {
            typing = Keys.handle(at.apply(typing), ch(c)).view();
        }
        Keys.Result ask = Keys.handle(at.apply(typing), new KeyStroke(KeyType.Enter));
        assertEquals(List.of(), ask.commands());
        assertTrue(((ReplyMode) ask.view().mode()).confirming());
        Keys.Result sent = Keys.handle(at.apply(ask.view()), new KeyStroke(KeyType.Enter));
        assertEquals(List.of(new Command.Reply(Place.HERE, "%5", "go on", true)), sent.commands());
        // To the waiting agent (not a question: it takes no typed line) also only after a confirm.
        View toWaiting = Keys.handle(at.apply(list), ch('R')).view();
        toWaiting = Keys.handle(at.apply(toWaiting), ch('y')).view();
        assertTrue(((ReplyMode) Keys.handle(at.apply(toWaiting), new KeyStroke(KeyType.Enter))
                        .view()
                        .mode())
                .confirming());
    }
}
