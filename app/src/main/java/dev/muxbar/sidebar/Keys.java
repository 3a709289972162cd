package dev.muxbar.sidebar;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import dev.muxbar.state.Snapshot.Session;
import java.util.List;

/**
 * Pure key handling of one sidebar: (frame input, key) → new view and what to do.
 * j/k/↑/↓ move, Enter switches to the cursor's session, 1–9 switch directly, Tab/Shift-Tab switch to
 * the next/previous session, q/Esc give focus back; a click on a row switches, the wheel moves.
 */
final class Keys {

    /** The new view; a session to switch the viewing client to (or null); whether to leave the sidebar. */
    record Result(View view, String switchTo, boolean leave) {}

    Result handle(Renderer.Input in, KeyStroke k) {
        List<Session> shown = Renderer.shown(in);
        View v = in.view();
        int cursor = Renderer.layout(in).cursor();
        if (shown.isEmpty()) {
            return new Result(v, null, isLeave(k));
        }
        if (k instanceof MouseAction m) {
            if (m.getActionType() == MouseActionType.SCROLL_DOWN) {
                return move(in, shown, cursor, 1);
            }
            if (m.getActionType() == MouseActionType.SCROLL_UP) {
                return move(in, shown, cursor, -1);
            }
            if (m.getActionType() == MouseActionType.CLICK_DOWN && m.getButton() == 1) {
                int i = Renderer.sessionAt(in, m.getPosition().getRow());
                if (i >= 0) {
                    return new Result(v.withCursor(shown.get(i).id()), shown.get(i).id(), false);
                }
            }
            return new Result(v, null, false);
        }
        KeyType type = k.getKeyType();
        Character c = type == KeyType.Character ? k.getCharacter() : null;
        if (type == KeyType.ArrowDown || c != null && c == 'j') {
            return move(in, shown, cursor, 1);
        }
        if (type == KeyType.ArrowUp || c != null && c == 'k') {
            return move(in, shown, cursor, -1);
        }
        if (type == KeyType.Enter || c != null && (c == '\n' || c == '\r')) {
            return new Result(v, shown.get(cursor).id(), false);
        }
        if (c != null && c >= '1' && c <= '9' && !k.isAltDown() && !k.isCtrlDown()) {
            int i = c - '1';
            return i < shown.size() ? new Result(v.withCursor(shown.get(i).id()), shown.get(i).id(), false)
                    : new Result(v, null, false);
        }
        if (type == KeyType.Tab || type == KeyType.ReverseTab) {
            int own = indexOf(shown, in.ownSessionId());
            int step = type == KeyType.Tab ? 1 : -1;
            int next = Math.floorMod((own < 0 ? 0 : own) + step, shown.size());
            return new Result(v.withCursor(shown.get(next).id()), shown.get(next).id(), false);
        }
        return new Result(v, null, isLeave(k));
    }

    private static boolean isLeave(KeyStroke k) {
        return k.getKeyType() == KeyType.Escape
                || k.getKeyType() == KeyType.Character && k.getCharacter() == 'q' && !k.isAltDown();
    }

    private static Result move(Renderer.Input in, List<Session> shown, int cursor, int step) {
        int next = Math.max(0, Math.min(shown.size() - 1, cursor + step));
        View moved = in.view().withCursor(shown.get(next).id());
        // Keep the scroll where the renderer put it, so the list does not jump.
        moved = moved.withScroll(Renderer.layout(new Renderer.Input(in.model(), in.theme(), moved,
                in.ownSessionId(), in.width(), in.height())).top());
        return new Result(moved, null, false);
    }

    private static int indexOf(List<Session> shown, String id) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
