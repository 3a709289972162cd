package dev.muxbar.sidebar.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.muxbar.text.Cells;

/**
 * One line of text being typed in a sidebar prompt (rename, new session, the theme filter), with
 * the readline keys people use: ←/→ and C-b/C-f move, Home/End and C-a/C-e jump, Backspace/C-h and
 * Delete/C-d delete, C-u and C-k cut to the start/end, C-w cuts the word before the cursor, M-b/M-f
 * move by words. Pure: {@link #apply} gives the edited line, or null for a key that is not an
 * editing key (Enter, Esc, ↑/↓ are the prompt's). {@code cursor} is a char index on a code point
 * boundary; the text holds no control characters and at most {@code max} chars.
 */
public record LineEdit(String text, int cursor) {

    public LineEdit {
        cursor = Math.max(0, Math.min(cursor, text.length()));
    }

    /** {@code text} with the cursor at its end. */
    public static LineEdit of(String text) {
        return new LineEdit(text, text.length());
    }

    public String before() {
        return text.substring(0, cursor);
    }

    public String after() {
        return text.substring(cursor);
    }

    /** The edited line, or null when {@code k} is not an editing key. */
    public LineEdit apply(KeyStroke k, int max) {
        KeyType type = k.getKeyType();
        switch (type) {
            case ArrowLeft:
                return new LineEdit(text, back(cursor));
            case ArrowRight:
                return new LineEdit(text, forward(cursor));
            case Home:
                return new LineEdit(text, 0);
            case End:
                return new LineEdit(text, text.length());
            case Backspace:
                return cursor == 0 ? this : cut(back(cursor), cursor);
            case Delete:
                return cursor == text.length() ? this : cut(cursor, forward(cursor));
            case Character:
                break;
            default:
                return null;
        }
        char c = k.getCharacter();
        if (k.isAltDown()) {
            return c == 'b'
                    ? new LineEdit(text, wordBack(cursor))
                    : c == 'f' ? new LineEdit(text, wordForward(cursor)) : this;
        }
        if (k.isCtrlDown()) {
            return switch (Character.toLowerCase(c)) {
                case 'a' -> new LineEdit(text, 0);
                case 'e' -> new LineEdit(text, text.length());
                case 'b' -> new LineEdit(text, back(cursor));
                case 'f' -> new LineEdit(text, forward(cursor));
                case 'h' -> cursor == 0 ? this : cut(back(cursor), cursor);
                case 'd' -> cursor == text.length() ? this : cut(cursor, forward(cursor));
                case 'u' -> cut(0, cursor);
                case 'k' -> cut(cursor, text.length());
                case 'w' -> cut(wordBack(cursor), cursor);
                default -> this; // other control keys type nothing
            };
        }
        if (Character.isISOControl(c) || text.length() >= max) {
            return this;
        }
        return new LineEdit(before() + c + after(), cursor + 1);
    }

    private LineEdit cut(int from, int to) {
        return new LineEdit(text.substring(0, from) + text.substring(to), from);
    }

    private int back(int at) {
        return at == 0 ? 0 : text.offsetByCodePoints(at, -1);
    }

    private int forward(int at) {
        return at == text.length() ? at : text.offsetByCodePoints(at, 1);
    }

    /** readline's word: back over spaces, then over the word. */
    private int wordBack(int at) {
        int i = at;
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private int wordForward(int at) {
        int i = at;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * A prompt's text with {@code ▏} at the cursor, in at most {@code room} cells plus the cursor's:
     * the text before the cursor loses its start first (the cursor stays in view), then the text
     * after it loses its end.
     */
    public String shown(int room) {
        String before = before();
        while (Cells.width(before) > room) {
            before = before.substring(before.offsetByCodePoints(0, 1));
        }
        String after = after();
        while (Cells.width(after) > room - Cells.width(before)) {
            after = after.substring(0, after.offsetByCodePoints(after.length(), -1));
        }
        return before + "▏" + after;
    }
}
