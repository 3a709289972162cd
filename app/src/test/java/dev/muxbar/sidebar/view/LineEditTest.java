package dev.muxbar.sidebar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

class LineEditTest {

    private static KeyStroke ctrl(char c) {
        return new KeyStroke(c, true, false);
    }

    private static KeyStroke alt(char c) {
        return new KeyStroke(c, false, true);
    }

    private static KeyStroke key(KeyType t) {
        return new KeyStroke(t);
    }

    private static LineEdit type(LineEdit l, String s) {
        for (int i = 0; i < s.length(); i++) {
            l = l.apply(new KeyStroke(s.charAt(i), false, false), 64);
        }
        return l;
    }

    @Test
    void theReadlineKeysPeopleUse() {
        LineEdit l = LineEdit.of("old name");
        assertEquals(LineEdit.of(""), l.apply(ctrl('u'), 64), "C-u clears what is before the cursor");
        assertEquals(new LineEdit("old ", 4), l.apply(ctrl('w'), 64), "C-w cuts the word before the cursor");
        assertEquals(new LineEdit("", 0), l.apply(ctrl('w'), 64).apply(ctrl('w'), 64));
        LineEdit start = l.apply(ctrl('a'), 64);
        assertEquals(0, start.cursor());
        assertEquals(new LineEdit("", 0), start.apply(ctrl('k'), 64), "C-k cuts to the end");
        assertEquals(new LineEdit("new old name", 4), type(start, "new "), "typing inserts at the cursor");
        assertEquals(l.text().length(), start.apply(ctrl('e'), 64).cursor());
        assertEquals(new LineEdit("old name", 3), l.apply(alt('b'), 64).apply(key(KeyType.ArrowLeft), 64));
        assertEquals(new LineEdit("oldname", 3), new LineEdit("old name", 3).apply(key(KeyType.Delete), 64));
        assertEquals(new LineEdit("ol name", 2), new LineEdit("old name", 3).apply(key(KeyType.Backspace), 64));
        assertEquals(new LineEdit("old name", 8), new LineEdit("old name", 0).apply(key(KeyType.End), 64));
        assertEquals(new LineEdit("old name", 3), new LineEdit("old name", 0).apply(alt('f'), 64));
    }

    @Test
    void unicodeMovesByCodePointAndControlKeysTypeNothing() {
        LineEdit l = LineEdit.of("a😀b");
        LineEdit left = l.apply(key(KeyType.ArrowLeft), 64).apply(key(KeyType.ArrowLeft), 64);
        assertEquals(1, left.cursor(), "over the emoji's two chars at once");
        assertEquals(new LineEdit("ab", 1), l.apply(key(KeyType.ArrowLeft), 64).apply(key(KeyType.Backspace), 64));
        assertEquals(l, l.apply(ctrl('x'), 64));
        assertEquals(l, l.apply(new KeyStroke('\u0007', false, false), 64));
        assertEquals(
                LineEdit.of("abc"), LineEdit.of("abc").apply(new KeyStroke('x', false, false), 3), "at most max chars");
    }

    @Test
    void enterEscAndVerticalArrowsAreThePromptsNotTheLines() {
        LineEdit l = LineEdit.of("x");
        assertNull(l.apply(key(KeyType.Enter), 64));
        assertNull(l.apply(key(KeyType.Escape), 64));
        assertNull(l.apply(key(KeyType.ArrowUp), 64));
    }

    @Test
    void theCursorStaysInViewWhenTheTextIsLong() {
        assertEquals("abc▏def", new LineEdit("abcdef", 3).shown(10));
        assertEquals("hij▏", LineEdit.of("abcdefghij").shown(3), "the end, where one types");
        assertEquals("▏abc", new LineEdit("abcdefghij", 0).shown(3), "the start after C-a");
        assertEquals("cde▏", new LineEdit("abcdefghij", 5).shown(3), "what is before the cursor first");
    }
}
