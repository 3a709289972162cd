package dev.muxbar.sidebar;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A Lanterna terminal over another pane's tty. The pane's own process already set the tty mode
 * ({@code scripts/sidebar-pane}); the size comes from tmux ({@link #resize}) because Lanterna's
 * size query (CSI 6n) hangs on a tty that nobody answers for.
 */
final class TtyTerminal extends ANSITerminal {

    private volatile TerminalSize size;

    TtyTerminal(InputStream in, OutputStream out, int columns, int rows) {
        super(in, out, StandardCharsets.UTF_8);
        this.size = new TerminalSize(Math.max(1, columns), Math.max(1, rows));
    }

    @Override
    protected TerminalSize findTerminalSize() {
        return size;
    }

    /**
     * Lanterna writes a string one char at a time: an emoji (a surrogate pair) came out as "??" and a
     * combining mark was dropped as not printable. The whole cell string (one grapheme cluster, see
     * {@link SidebarPane}) is written as UTF-8 instead; control characters never reach the tty.
     */
    @Override
    public void putString(String string) throws java.io.IOException {
        StringBuilder sb = new StringBuilder(string.length());
        string.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(sb::appendCodePoint);
        writeToTerminal(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** tmux says the pane is now this size. */
    void resize(int columns, int rows) {
        TerminalSize next = new TerminalSize(Math.max(1, columns), Math.max(1, rows));
        if (!next.equals(size)) {
            size = next;
            onResized(next);
        }
    }
}
