package dev.muxbar.sidebar.pane;

/**
 * One open sidebar's screen as the painter sees it: frames in, counters out. {@link SidebarPane}
 * is the real one (a tty polled by the shared hub, a Lanterna screen, frames rendered on a shared pool).
 */
public interface PaneScreen {

    String paneId();

    String tty();

    /** Shows a frame (rendered and written off the caller's thread; only the latest counts). */
    void show(SidebarPane.Frame frame);

    /** Frames written so far. */
    long paints();

    /** Bytes the last paint wrote. */
    long bytesWritten();

    /** Raw bytes to the tty between frames (a notification passed through tmux); nothing by default. */
    default void emit(byte[] raw) {}

    void close();
}
