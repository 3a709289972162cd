package dev.muxbar.sidebar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import dev.muxbar.state.Model;
import dev.muxbar.state.OrderBook;
import dev.muxbar.state.Snapshot;
import dev.muxbar.testing.Snapshots;
import dev.muxbar.theme.Theme;
import org.junit.jupiter.api.Test;

class KeysTest {

    private final Keys keys = new Keys();
    private final Snapshot snap = Snapshots.of(1, 1, "$0", "a", "$1", "b", "$2", "c");
    private final Model model = Model.of(snap, OrderBook.EMPTY.reconcile(snap));

    private Renderer.Input in(View v) {
        return new Renderer.Input(model, Theme.builtIn("default"), v, "$1", 30, 12);
    }

    private static KeyStroke ch(char c) {
        return new KeyStroke(c, false, false);
    }

    @Test
    void movesStartFromTheWindowsOwnSessionAndStopAtTheEnds() {
        Keys.Result r = keys.handle(in(View.INITIAL), ch('j'));
        assertEquals("$2", r.view().cursorSessionId());
        assertNull(r.switchTo());
        r = keys.handle(in(r.view()), new KeyStroke(KeyType.ArrowDown));
        assertEquals("$2", r.view().cursorSessionId(), "stays on the last row");
        r = keys.handle(in(r.view()), ch('k'));
        r = keys.handle(in(r.view()), new KeyStroke(KeyType.ArrowUp));
        r = keys.handle(in(r.view()), ch('k'));
        assertEquals("$0", r.view().cursorSessionId());
    }

    @Test
    void enterDigitsAndTabSwitch() {
        assertEquals("$1", keys.handle(in(View.INITIAL), new KeyStroke(KeyType.Enter)).switchTo());
        assertEquals("$2", keys.handle(in(View.INITIAL), ch('3')).switchTo());
        assertNull(keys.handle(in(View.INITIAL), ch('9')).switchTo(), "no 9th session");
        assertEquals("$2", keys.handle(in(View.INITIAL), new KeyStroke(KeyType.Tab)).switchTo());
        assertEquals("$0", keys.handle(in(View.INITIAL), new KeyStroke(KeyType.ReverseTab)).switchTo());
    }

    @Test
    void qAndEscapeLeaveOtherKeysDoNothing() {
        assertTrue(keys.handle(in(View.INITIAL), ch('q')).leave());
        assertTrue(keys.handle(in(View.INITIAL), new KeyStroke(KeyType.Escape)).leave());
        Keys.Result r = keys.handle(in(View.INITIAL), ch('z'));
        assertFalse(r.leave());
        assertNull(r.switchTo());
    }

    @Test
    void clickOnARowSwitchesAndTheWheelMoves() {
        // Rows: 0 header, 1 rule, 2 "a", 3 "b", 4 "c".
        MouseAction click = new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(5, 4));
        assertEquals("$2", keys.handle(in(View.INITIAL), click).switchTo());
        MouseAction onHeader = new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(5, 0));
        assertNull(keys.handle(in(View.INITIAL), onHeader).switchTo());
        MouseAction wheel = new MouseAction(MouseActionType.SCROLL_DOWN, 5, new TerminalPosition(5, 3));
        assertEquals("$2", keys.handle(in(View.INITIAL), wheel).view().cursorSessionId());
    }
}
