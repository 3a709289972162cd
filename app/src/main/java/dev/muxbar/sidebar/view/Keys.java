package dev.muxbar.sidebar.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.muxbar.model.Snapshot.Session;
import java.util.List;

/**
 * Pure key handling of one sidebar: (frame input, key) → new view and commands, decided by the mode
 * the sidebar is in ({@link Mode#key}). The bindings of the session list are {@link KeyTable}'s
 * ({@link ListMode}); prompts take readline keys ({@link LineEdit}).
 */
public final class Keys {
    private Keys() {}

    /** The new view and what to do. */
    public record Result(View view, List<Command> commands) {
        public static Result of(View v, Command... c) {
            return new Result(v, List.of(c));
        }
    }

    /** Longest name typed in a prompt. */
    static final int MAX_PROMPT = 64;

    /** A key in the mode the sidebar is in. */
    public static Result handle(Renderer.Input in, KeyStroke k) {
        return in.view().mode().key(in, k);
    }

    /** Enter arrives as KeyType.Enter or, through a tty with icrnl, as a bare newline character. */
    static boolean isEnter(KeyStroke k) {
        return k.getKeyType() == KeyType.Enter
                || k.getKeyType() == KeyType.Character && (k.getCharacter() == '\n' || k.getCharacter() == '\r');
    }

    /** The session a client viewing {@code id} moves to when it is killed: the next one, else the previous. */
    static String neighbour(List<Session> shown, String id) {
        int i = ListLayout.indexOf(shown, id);
        if (i < 0 || shown.size() < 2) {
            return null;
        }
        return shown.get(i + 1 < shown.size() ? i + 1 : i - 1).id();
    }
}
