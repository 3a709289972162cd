package dev.muxbar.sidebar.pane;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lanterna's terminal over a sidebar's bytes, used only to decode keys and mouse reports (frames
 * are written by {@link FrameBytes}). Its size is never asked of the tty: Lanterna's size query
 * (CSI 6n) hangs on a tty that nobody answers for.
 */
final class TtyTerminal extends ANSITerminal {

    private final TerminalSize size;

    TtyTerminal(InputStream in, OutputStream out, int columns, int rows) {
        super(in, out, StandardCharsets.UTF_8);
        this.size = new TerminalSize(Math.max(1, columns), Math.max(1, rows));
    }

    @Override
    protected TerminalSize findTerminalSize() {
        return size;
    }
}
