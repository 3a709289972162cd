package dev.muxbar.sidebar;

import dev.muxbar.sidebar.pane.PaneScreen;
import dev.muxbar.sidebar.pane.SidebarPane;
import dev.muxbar.sidebar.view.ListMode;
import dev.muxbar.sidebar.view.PeekMode;
import dev.muxbar.sidebar.view.Renderer;
import dev.muxbar.sidebar.view.View;
import java.util.List;

/**
 * One open sidebar pane and everything that is its own: its view (cursor, filter, mode — a peek's
 * lines included), the window it is in and its size, the keys it ignored, its peek's reads, and its
 * tty with its frame pacing ({@link PaneScreen}: the newest frame only, never while the tty is
 * full). Made and closed by {@link SidebarPainter}; changed only on the loop, by the painter, the
 * input and the peek it owns.
 */
final class Sidebar {

    private final PaneScreen screen;
    private View view = View.INITIAL;
    private String windowId;
    private int width;
    private int height;
    private long ignoredKeys; // keys that arrived while it was not the active pane of a viewed window
    private PeekFeed.Peek peek; // the reads of the pane it peeks at, or null

    Sidebar(PaneScreen screen) {
        this.screen = screen;
    }

    String paneId() {
        return screen.paneId();
    }

    PaneScreen screen() {
        return screen;
    }

    View view() {
        return view;
    }

    /** A key's new view (the mode a key chose, or one an answer from tmux brought). */
    void show(View next) {
        view = next;
    }

    String windowId() {
        return windowId;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Where tmux has it now. */
    void place(String window, int columns, int rows) {
        windowId = window;
        width = columns;
        height = rows;
    }

    void ignoredKey() {
        ignoredKeys++;
    }

    long ignoredKeys() {
        return ignoredKeys;
    }

    /** Asks its tty for a frame (drawn on the paint pool; only the newest is ever drawn). */
    void paint(Renderer.Input in) {
        screen.show(new SidebarPane.Frame(in));
    }

    /** Peeks through {@code reads} from now on (a peek before it ends). */
    void peek(PeekFeed.Peek reads) {
        stopPeekReads();
        peek = reads;
    }

    /** The peeked pane's newest lines; false when this sidebar no longer peeks. */
    boolean peekLines(List<String> lines) {
        if (peek == null || !(view.mode() instanceof PeekMode pk)) {
            return false;
        }
        view = view.withMode(pk.with(lines));
        return true;
    }

    /** Ends its peek (no more reads, the list again); false when it did not peek. */
    boolean endPeek() {
        boolean was = peek != null;
        stopPeekReads();
        if (view.mode() instanceof PeekMode) {
            view = view.withMode(new ListMode());
        }
        return was;
    }

    boolean peeking() {
        return peek != null;
    }

    /** The agent pane it peeks at, or null. */
    String peekTarget() {
        return peek == null ? null : peek.agentPane;
    }

    /** How often the pane it peeks at was read in this peek (0: none). */
    long peekReads() {
        return peek == null ? 0 : peek.reads();
    }

    /** Stops its reads and releases its tty (the pane stays: a restarted daemon re-adopts it). */
    void close() {
        stopPeekReads();
        screen.close();
    }

    private void stopPeekReads() {
        if (peek != null) {
            peek.stop();
            peek = null;
        }
    }
}
