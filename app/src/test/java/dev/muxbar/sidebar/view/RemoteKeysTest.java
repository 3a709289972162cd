package dev.muxbar.sidebar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Choices;
import dev.muxbar.model.HostView;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.RemoteSession;
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

/**
 * The cursor among the other machines' rows: it walks on from the local sessions, Enter folds a
 * heading or opens a session, and an agent there is answered, replied to and peeked at through its
 * place (host and tmux server); the row keys still switch local sessions.
 */
class RemoteKeysTest {

    private static final String SERVER = "/tmp/tmux-1000/default";
    private final Snapshot snap = Snapshots.of(1, 1, "$0", "a", "$1", "b");
    private final Agent waiting = new Agent(
            "%7", "@2", "$4", "claude", null, Status.WAITING, Source.SCREEN, 0, null, null, false, null, "devbox");
    private final HostView devbox = new HostView(
            "devbox",
            "up",
            0,
            "",
            List.of(SERVER),
            List.of(
                    new RemoteSession(SERVER, "train's $(x)", 2, false, List.of(waiting)),
                    new RemoteSession(SERVER, "logs", 1, false, List.of())));
    private final Model model = Model.of(
            snap, OrderBook.EMPTY.reconcile(snap), List.of(), Set.of(), Choices.DEFAULT, Map.of(), List.of(devbox));

    private Renderer.Input in(View v) {
        return new Renderer.Input(model, Theme.builtIn("default"), v, "$0", 32, 24, Map.of(), 0, null, List.of());
    }

    private static KeyStroke ch(char c) {
        return new KeyStroke(c, false, false);
    }

    private static final KeyStroke DOWN = new KeyStroke(KeyType.ArrowDown);
    private static final KeyStroke UP = new KeyStroke(KeyType.ArrowUp);
    private static final KeyStroke ENTER = new KeyStroke(KeyType.Enter);

    private View press(View v, KeyStroke... keys) {
        for (KeyStroke k : keys) {
            v = Keys.handle(in(v), k).view();
        }
        return v;
    }

    private String frame(View v) {
        return String.join("\n", Renderer.render(in(v)).stream().map(Line::text).toList());
    }

    @Test
    void downFromTheLastLocalSessionReachesTheHeadingThenItsSessionsAndUpComesBack() {
        View v = press(View.INITIAL, DOWN); // a → b
        assertEquals("", v.remote());
        v = press(v, DOWN);
        assertEquals("devbox", v.remote(), "the heading");
        v = press(v, DOWN);
        assertEquals("devbox\n" + SERVER + "\ntrain's $(x)", v.remote());
        assertTrue(frame(v).contains("train's $(x) @devbox"), "its agents below: " + frame(v));
        v = press(v, UP, UP);
        assertEquals("", v.remote());
        assertEquals("$1", v.cursorSessionId());
    }

    @Test
    void enterOnAHeadingFoldsItsSessionsAndShowsHowMany() {
        View v = press(View.INITIAL, DOWN, DOWN);
        assertTrue(frame(v).contains("   logs"), frame(v));
        Keys.Result r = Keys.handle(in(v), ENTER);
        assertTrue(r.commands().isEmpty());
        String folded = frame(r.view());
        assertTrue(folded.contains("─▸ devbox up (2)"), folded);
        assertTrue(!folded.contains("   logs"), folded);
        assertEquals("devbox", press(r.view(), DOWN).remote(), "nothing below a folded heading");
        assertTrue(frame(press(r.view(), ENTER)).contains("   logs"), "Enter again unfolds");
    }

    @Test
    void enterOnARemoteSessionOpensItThere() {
        View v = press(View.INITIAL, DOWN, DOWN, DOWN, DOWN);
        Keys.Result r = Keys.handle(in(v), ENTER);
        assertEquals(List.of(new Command.OpenRemote("devbox", SERVER, "logs", "")), r.commands());
    }

    @Test
    void anAgentThereIsAnsweredRepliedToAndPeekedAtThroughItsPlace() {
        View v = press(View.INITIAL, DOWN, DOWN, DOWN, new KeyStroke(KeyType.ArrowRight));
        assertEquals(0, v.agent());
        Place there = new Place("devbox", SERVER);
        assertEquals(
                List.of(new Command.ReadPrompt(there, "%7")),
                Keys.handle(in(v), ch('a')).commands());
        Keys.Result peek = Keys.handle(in(v), ch('p'));
        assertEquals(List.of(new Command.Peek(there, "%7")), peek.commands());
        assertTrue(frame(peek.view()).contains("claude %7 @devbox"), frame(peek.view()));
        View reply = press(v, ch('R'), ch('h'), ch('i'));
        ReplyMode mode = assertInstanceOf(ReplyMode.class, reply.mode());
        assertEquals(there, mode.place());
        Keys.Result asks = Keys.handle(in(reply), ENTER);
        assertTrue(asks.commands().isEmpty(), "an agent waiting on a permission asks first");
        assertEquals(
                List.of(new Command.Reply(there, "%7", "hi", true)),
                Keys.handle(in(asks.view()), ENTER).commands());
        assertEquals(
                List.of(new Command.OpenRemote("devbox", SERVER, "train's $(x)", "%7")),
                Keys.handle(in(v), ENTER).commands(),
                "Enter on the agent opens its session at its pane");
    }

    @Test
    void rowKeysStillSwitchLocalSessionsAndLocalEditsDoNothingThere() {
        View v = press(View.INITIAL, DOWN, DOWN, DOWN);
        assertEquals(
                List.of(new Command.SwitchTo("$1")), Keys.handle(in(v), ch('2')).commands());
        for (char c : "drmx".toCharArray()) {
            Keys.Result r = Keys.handle(in(v), ch(c));
            assertTrue(r.commands().isEmpty(), c + " → " + r.commands());
            assertInstanceOf(ListMode.class, r.view().mode(), "no prompt for " + c);
        }
    }
}
