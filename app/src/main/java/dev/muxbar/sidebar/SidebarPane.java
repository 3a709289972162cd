package dev.muxbar.sidebar;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.muxbar.state.ConflatingSlot;
import dev.muxbar.text.Cells;
import dev.muxbar.theme.Color;
import dev.muxbar.theme.Rgb;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * One open sidebar: the pane's tty, a Lanterna screen on it, a conflating mailbox drained by this
 * sidebar's own writer thread (so a tty that stops draining delays nobody else), and a reader
 * thread that turns the tty's bytes into key and mouse events.
 */
final class SidebarPane implements PaneScreen, AutoCloseable {

    /**
     * What the painter draws: a frame's input, rendered on this sidebar's writer thread when it is
     * painted (a burst of models costs one render per painted frame, not one per model, and none on
     * the event loop).
     */
    record Frame(Renderer.Input input) {
        int width() {
            return input.width();
        }

        int height() {
            return input.height();
        }
    }

    final String paneId;
    final String tty;
    private final ExecutorService writer;
    private final ConflatingSlot<Frame> mailbox;
    private volatile boolean closed;
    private volatile long bytesWritten;
    private volatile long paints;
    // Owned by the writer thread once open() ran there:
    private FileOutputStream out;
    private FileInputStream in;
    private CountingStream counting;
    private TtyTerminal terminal;
    private TerminalScreen screen;
    private List<Line> painted;
    private long paintedAt;

    /** At most one paint per frame (60 a second): bursts of models conflate while the writer waits. */
    static final long FRAME_NANOS = 16_000_000;

    /**
     * Starts opening the pane's tty on this sidebar's own writer thread (opening and the first
     * escape sequences could block on a tty that does not drain; the event loop must not).
     *
     * @param onKey keys and mouse actions read from the tty (on the reader thread)
     * @param onGone the tty failed or could not be opened (pane killed: reads fail with EIO)
     */
    SidebarPane(String paneId, String tty, int width, int height, Consumer<KeyStroke> onKey, Runnable onGone) {
        this.paneId = paneId;
        this.tty = tty;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sidebar-" + paneId);
            t.setDaemon(true);
            return t;
        });
        this.mailbox = new ConflatingSlot<>(writer, this::paint);
        writer.execute(() -> open(width, height, onKey, onGone));
    }

    private void open(int width, int height, Consumer<KeyStroke> onKey, Runnable onGone) {
        try {
            out = new FileOutputStream(tty);
            in = new FileInputStream(tty);
            // One write per frame: Lanterna writes each escape sequence on its own and flushes at the
            // end of a refresh; buffered, tmux reads a whole frame at once (no half-drawn frames).
            counting = new CountingStream(new java.io.BufferedOutputStream(out, 16 * 1024));
            terminal = new TtyTerminal(in, counting, width, height);
            screen = new TerminalScreen(terminal);
            screen.startScreen(); // alternate screen
            screen.setCursorPosition(null); // no cursor
            terminal.setMouseCaptureMode(com.googlecode.lanterna.terminal.MouseCaptureMode.CLICK_RELEASE);
        } catch (IOException | RuntimeException e) {
            closed = true;
            onGone.run();
            return;
        }
        Thread reader = new Thread(() -> readLoop(onKey, onGone), "sidebar-in-" + paneId);
        reader.setDaemon(true);
        reader.start();
    }

    /** Queues a frame; never blocks. */
    @Override
    public String paneId() {
        return paneId;
    }

    @Override
    public String tty() {
        return tty;
    }

    @Override
    public void show(Frame f) {
        if (!closed) {
            mailbox.offer(f);
        }
    }

    /** Bytes the last refresh wrote to the tty. */
    @Override
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Frames that changed something on screen. */
    @Override
    public long paints() {
        return paints;
    }

    private void paint(Frame f) {
        if (closed || screen == null) {
            return;
        }
        try {
            terminal.resize(f.width(), f.height());
            TerminalSize resized = screen.doResizeIfNecessary();
            boolean full = resized != null || painted == null;
            long wait = paintedAt + FRAME_NANOS - System.nanoTime();
            if (!full && wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // this sidebar's own thread
                if (mailbox.pending()) {
                    return; // a newer frame came while waiting: render that one instead
                }
            }
            List<Line> lines = Renderer.render(f.input());
            if (!full && lines.equals(painted)) {
                return;
            }
            for (int row = 0; row < lines.size(); row++) {
                if (!full && row < painted.size() && painted.get(row).equals(lines.get(row))) {
                    continue; // unchanged row: its cells are already in the back buffer
                }
                int col = 0;
                for (Line.Span s : lines.get(row).spans()) {
                    TextColor fg = color(s.fg());
                    TextColor bg = color(s.bg());
                    // One cell per grapheme cluster (Lanterna splits them): an emoji is one wide cell.
                    // Lanterna's screen blanks a cell holding a letter and a combining mark, so text is
                    // composed first (NFC: "e" + U+0301 → "é"); a mark with no composed form is lost.
                    String text = java.text.Normalizer.isNormalized(s.text(), java.text.Normalizer.Form.NFC) ? s.text()
                            : java.text.Normalizer.normalize(s.text(), java.text.Normalizer.Form.NFC);
                    for (TextCharacter tc : TextCharacter.fromString(text, fg, bg,
                            s.bold() ? new SGR[] {SGR.BOLD} : new SGR[0])) {
                        int w = Cells.width(tc.getCharacterString());
                        if (w > 0) {
                            screen.setCharacter(col, row, tc);
                            col += w;
                        }
                    }
                }
            }
            long before = counting.count;
            screen.refresh(full ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
            bytesWritten = counting.count - before;
            paints++;
            painted = lines;
            paintedAt = System.nanoTime();
        } catch (IOException | RuntimeException e) {
            // a dead tty: the reader notices and reports the pane gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing
        }
    }

    /** A theme colour as Lanterna writes it: 24-bit, xterm index, or the terminal's own ANSI/default. */
    static TextColor color(Color c) {
        if (c instanceof Rgb rgb) {
            return new TextColor.RGB(rgb.r(), rgb.g(), rgb.b());
        }
        if (c instanceof Color.Indexed i) {
            return new TextColor.Indexed(i.index());
        }
        if (c instanceof Color.Ansi a) {
            return TextColor.ANSI.values()[a.index() < 8 ? a.index() : a.index() + 1]; // DEFAULT sits at 8
        }
        return TextColor.ANSI.DEFAULT;
    }

    private void readLoop(Consumer<KeyStroke> onKey, Runnable onGone) {
        try {
            while (!closed) {
                KeyStroke k = screen.readInput();
                if (k == null) {
                    continue;
                }
                if (k.getKeyType() == com.googlecode.lanterna.input.KeyType.EOF) {
                    break;
                }
                onKey.accept(k);
            }
        } catch (IOException | RuntimeException e) {
            // EIO after kill-pane
        }
        if (!closed) {
            onGone.run();
        }
    }

    /**
     * Writes raw bytes to the tty between frames (on the writer thread: never inside a frame), e.g.
     * a notification the terminal of whoever views this window should get through tmux.
     */
    @Override
    public void emit(byte[] raw) {
        if (closed) {
            return;
        }
        writer.execute(() -> {
            if (counting != null && !closed) {
                try {
                    counting.write(raw);
                    counting.flush();
                } catch (IOException e) {
                    // the pane went; the reader notices
                }
            }
        });
    }

    /** Stops painting and releases the tty (on the writer thread, after any paint in progress). */
    @Override
    public void close() {
        closed = true;
        writer.execute(() -> {
            for (java.io.Closeable c : new java.io.Closeable[] {in, out}) {
                try {
                    if (c != null) {
                        c.close();
                    }
                } catch (IOException e) {
                    // gone anyway
                }
            }
        });
        writer.shutdown();
    }

    /** Counts bytes written to the tty (bench and tests: DELTA refreshes write little). */
    private static final class CountingStream extends java.io.FilterOutputStream {
        volatile long count;

        CountingStream(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
