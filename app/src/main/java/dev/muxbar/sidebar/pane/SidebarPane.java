package dev.muxbar.sidebar.pane;

import com.googlecode.lanterna.input.KeyStroke;
import dev.muxbar.model.Scheduler;
import dev.muxbar.sidebar.render.FrameBytes;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.sidebar.render.SessionRows;
import dev.muxbar.sidebar.view.Renderer;
import dev.muxbar.state.ConflatingSlot;
import dev.muxbar.tty.TtyHub;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One open sidebar: the pane's tty (polled with every other sidebar's by the shared {@link TtyHub})
 * and the latest frame asked for. Frames are rendered on a small shared pool
 * (at most one at a time per sidebar, the newest only), never while the tty still holds a frame it
 * has not taken: a client that stops reading makes its sidebars skip frames (the next one drawn is
 * the newest), delays nobody, and holds at most one frame of bytes. This stage keeps only the latest
 * frame and never paces: models come at most once a frame (Core's {@code PublishThrottle}, the one
 * frame gate); keys, the spinner's timer and a peek ask for frames at their own, slower pace. Frames are written as the rows that changed ({@link FrameBytes}). Keys and mouse
 * come from the hub's thread, decoded by Lanterna's terminal from the bytes read.
 */
public final class SidebarPane implements PaneScreen, AutoCloseable, TtyHub.Listener {

    /**
     * What the painter draws: a frame's input, rendered on the paint pool when it is painted (a
     * burst of models costs one render per painted frame, not one per model, and none on the event
     * loop).
     */
    public record Frame(Renderer.Input input) {
        int width() {
            return input.width();
        }

        int height() {
            return input.height();
        }
    }

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
    private final KeyFeed keys = new KeyFeed();
    private volatile Frame latest;
    private volatile boolean closed;
    private volatile boolean waitingForDrain;
    private volatile long bytesWritten;
    private volatile long paints;
    private volatile TtyHub.Tty tty;
    private TtyTerminal decoder; // made at the first input (decodeKeys, synchronized): most sidebars never get any
    // Owned by the step (one at a time, on the paint pool):
    private final int openWidth;
    private final int openHeight;
    private Frame shown; // the last frame drawn (its size is what the tty shows)
    private List<Line> painted;
    private final SessionRows rows = new SessionRows(); // the painted frame's session rows, by their inputs

    /**
     * Opens the pane's tty on the paint pool (the first escape sequences go out there, never on the
     * event loop).
     *
     * @param onKey keys and mouse actions read from the tty (on the hub's thread)
     * @param onGone the tty failed or could not be opened (pane killed: reads fail with EIO)
     */
    public SidebarPane(
            String paneId,
            String tty,
            int width,
            int height,
            Consumer<KeyStroke> onKey,
            Runnable onGone,
            TtyHub hub,
            Executor painters,
            Scheduler scheduler) {
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

    /** Opens the tty (once: a failure closes this sidebar); false when it is not open. */
    private boolean open() {
        try {
            tty = hub.open(ttyPath, this);
            if (closed) { // closed while it opened: the fd must not outlive this sidebar
                tty.close();
                return false;
            }
            tty.write(FrameBytes.START);
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

    /** One step on the paint pool: open the tty first, then draw the newest frame once the tty took the last. */
    private void step() {
        if (closed || (tty == null && !open())) {
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
        boolean full = shown == null || f.width() != shown.width() || f.height() != shown.height();
        try {
            List<Line> lines = Renderer.render(f.input(), rows);
            byte[] bytes = FrameBytes.between(full ? null : painted, lines);
            painted = lines;
            shown = f;
            if (bytes.length == 0) {
                return;
            }
            tty.write(bytes);
            bytesWritten = bytes.length;
            paints++;
        } catch (RuntimeException e) {
            // a frame that cannot be rendered is skipped; the next model brings another
        }
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
        if (closed) {
            return;
        }
        TtyTerminal t = decoder;
        if (t == null) {
            // Lanterna's terminal only decodes here (it writes nothing: mouse reports were asked for by START).
            // It holds ~24 KB of read buffers, so a sidebar makes one only when its first input arrives.
            t = decoder = new TtyTerminal(keys, OutputStream.nullOutputStream(), openWidth, openHeight);
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
}
