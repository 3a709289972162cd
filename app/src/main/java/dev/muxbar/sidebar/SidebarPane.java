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
import dev.muxbar.model.Scheduler;
import dev.muxbar.tty.TtyHub;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One open sidebar: the pane's tty (polled with every other sidebar's by the shared {@link TtyHub}),
 * a Lanterna screen on it, and the latest frame asked for. Frames are rendered on a small shared pool
 * (at most one at a time per sidebar, the newest only), at most one per {@link #FRAME_NANOS}, and
 * never while the tty still holds a frame it has not taken: a client that stops reading makes its
 * sidebars skip frames (the next one drawn is the newest), delays nobody, and holds at most one
 * frame of bytes. Keys and mouse come from the hub's thread, decoded by Lanterna from the bytes read.
 */
final class SidebarPane implements PaneScreen, AutoCloseable, TtyHub.Listener {

    /**
     * What the painter draws: a frame's input, rendered on the paint pool when it is painted (a
     * burst of models costs one render per painted frame, not one per model, and none on the event
     * loop).
     */
    record Frame(Renderer.Input input) {
        int width() {
            return input.width();
        }

        int height() {
            return input.height();
        }
    }

    /** At most one paint per frame (60 a second): bursts of models conflate while a frame waits. */
    static final long FRAME_NANOS = 16_000_000;
    /** A lone ESC is held this long for the rest of a sequence split across two reads. */
    static final long ESC_HOLD_MS = 25;
    /** Notifications (emit) are dropped, not queued, past this many bytes pending on a stuck tty. */
    static final int EMIT_LIMIT = 64 * 1024;

    final String paneId;
    final String ttyPath;
    private final TtyHub hub;
    private final Scheduler scheduler;
    private final Consumer<KeyStroke> onKey;
    private final Runnable onGone;
    private final ConflatingSlot<Boolean> kick; // one step at a time per sidebar, on the paint pool
    private final AtomicBoolean timerArmed = new AtomicBoolean();
    private final KeyFeed keys = new KeyFeed();
    private volatile Frame latest;
    private volatile boolean closed;
    private volatile boolean waitingForDrain;
    private volatile long bytesWritten;
    private volatile long paints;
    private volatile TtyHub.Tty tty;
    private volatile TtyTerminal terminal;
    // Owned by the step (one at a time, on the paint pool):
    private final int openWidth;
    private final int openHeight;
    private boolean openTried;
    private FrameOut out;
    private TerminalScreen screen;
    private Frame shown;
    private List<Line> painted;
    private long paintedAt;

    /**
     * Opens the pane's tty on the paint pool (the first escape sequences go out there, never on the
     * event loop).
     *
     * @param onKey keys and mouse actions read from the tty (on the hub's thread)
     * @param onGone the tty failed or could not be opened (pane killed: reads fail with EIO)
     */
    SidebarPane(String paneId, String tty, int width, int height, Consumer<KeyStroke> onKey, Runnable onGone,
                TtyHub hub, Executor painters, Scheduler scheduler) {
        this.paneId = paneId;
        this.ttyPath = tty;
        this.openWidth = width;
        this.openHeight = height;
        this.onKey = onKey;
        this.onGone = onGone;
        this.hub = hub;
        this.scheduler = scheduler;
        this.kick = new ConflatingSlot<>(painters, b -> step());
        kick.offer(Boolean.TRUE);
    }

    private boolean open() {
        openTried = true;
        try {
            tty = hub.open(ttyPath, this);
            // One write per frame: Lanterna writes each escape sequence on its own and flushes at the
            // end of a refresh; collected, tmux reads a whole frame at once (no half-drawn frames).
            out = new FrameOut();
            TtyTerminal t = new TtyTerminal(keys, out, openWidth, openHeight);
            screen = new TerminalScreen(t);
            screen.startScreen(); // alternate screen
            screen.setCursorPosition(null); // no cursor
            t.setMouseCaptureMode(com.googlecode.lanterna.terminal.MouseCaptureMode.CLICK_RELEASE);
            terminal = t;
            return true;
        } catch (IOException | RuntimeException e) {
            gone();
            return false;
        }
    }

    @Override
    public String paneId() {
        return paneId;
    }

    @Override
    public String tty() {
        return ttyPath;
    }

    /** Asks for a frame; never blocks. Only the newest frame asked for is ever drawn. */
    @Override
    public void show(Frame f) {
        if (!closed) {
            latest = f;
            kick.offer(Boolean.TRUE);
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

    /** One step on the paint pool: open the tty first, then draw the newest frame if its time came. */
    private void step() {
        if (closed || (!openTried && !open()) || screen == null) {
            return;
        }
        Frame f = latest;
        if (f == null || f == shown) {
            return;
        }
        if (tty.pendingBytes() > 0) {
            waitingForDrain = true; // the hub's onDrained asks again
            if (tty.pendingBytes() > 0) {
                return;
            }
            waitingForDrain = false;
        }
        try {
            terminal.resize(f.width(), f.height());
            TerminalSize resized = screen.doResizeIfNecessary();
            boolean full = resized != null || painted == null;
            long wait = paintedAt + FRAME_NANOS - System.nanoTime();
            if (!full && wait > 0) {
                if (timerArmed.compareAndSet(false, true)) {
                    scheduler.schedule((wait + 999_999) / 1_000_000, () -> {
                        timerArmed.set(false);
                        kick.offer(Boolean.TRUE);
                    });
                }
                return;
            }
            shown = f;
            List<Line> lines = Renderer.render(f.input());
            if (!full && lines.equals(painted)) {
                return;
            }
            draw(lines, full);
            long before = out.count;
            screen.refresh(full ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
            bytesWritten = out.count - before;
            paints++;
            painted = lines;
            paintedAt = System.nanoTime();
        } catch (IOException | RuntimeException e) {
            // a dead tty: the hub notices and reports the pane gone
        }
    }

    /** Puts the rows that changed into Lanterna's back buffer. */
    private void draw(List<Line> lines, boolean full) {
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

    // TtyHub.Listener, on the hub's thread.

    @Override
    public void onInput(byte[] bytes, int length) {
        keys.add(bytes, length);
        long held = keys.holding();
        if (held > 0) {
            scheduler.schedule(ESC_HOLD_MS, () -> {
                if (keys.release(held)) {
                    decodeKeys();
                }
            });
        }
        decodeKeys();
    }

    @Override
    public void onDrained() {
        if (waitingForDrain) {
            waitingForDrain = false;
            kick.offer(Boolean.TRUE);
        }
    }

    @Override
    public void onGone() {
        gone();
    }

    private void gone() {
        if (!closed) {
            closed = true;
            onGone.run();
        }
    }

    /** Keys decoded from what arrived (the hub's thread, or the scheduler's after a held ESC). */
    private synchronized void decodeKeys() {
        TtyTerminal t = terminal;
        if (t == null || closed) {
            return;
        }
        try {
            KeyStroke k;
            while ((k = t.pollInput()) != null && !closed) {
                if (k.getKeyType() != com.googlecode.lanterna.input.KeyType.EOF) {
                    onKey.accept(k);
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing decodable: the bytes are dropped
        }
    }

    /**
     * Writes raw bytes to the tty between frames (a frame is one write, so never inside one), e.g.
     * a notification the terminal of whoever views this window should get through tmux.
     */
    @Override
    public void emit(byte[] raw) {
        TtyHub.Tty t = tty;
        if (t != null && !closed && t.pendingBytes() < EMIT_LIMIT) {
            t.write(raw);
        }
    }

    /** Stops painting and releases the tty (the hub closes it; a step in progress writes nothing more). */
    @Override
    public void close() {
        closed = true;
        TtyHub.Tty t = tty;
        if (t != null) {
            t.close();
        }
    }

    /** Collects a refresh's bytes and writes them to the tty as one write when Lanterna flushes. */
    private final class FrameOut extends java.io.OutputStream {
        private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(4096);
        long count;

        @Override
        public void write(int b) {
            buf.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buf.write(b, off, len);
        }

        @Override
        public void flush() {
            if (buf.size() > 0) {
                byte[] bytes = buf.toByteArray();
                buf.reset();
                count += bytes.length;
                TtyHub.Tty t = tty;
                if (t != null && !closed) {
                    t.write(bytes);
                }
            }
        }
    }
}
