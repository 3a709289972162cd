package dev.muxbar.sidebar.pane;

import java.io.InputStream;

/**
 * The bytes read from a sidebar's tty, as the stream Lanterna's key decoder reads without blocking
 * ({@code available()} says what is there). A lone ESC at the end of what arrived is held back
 * until more bytes come or {@link #release} is called for it: it may be the first byte of a
 * sequence whose rest comes in the next read, and decoded alone it would be the Esc key.
 */
final class KeyFeed extends InputStream {

    private byte[] buf = new byte[256];
    private int start;
    private int end;
    private boolean escHeld;
    private long generation;

    /** Appends what the tty gave. */
    synchronized void add(byte[] bytes, int length) {
        if (escHeld) {
            escHeld = false;
            put((byte) 0x1b);
        }
        int n = length;
        if (n > 0 && bytes[n - 1] == 0x1b && (n == 1 || bytes[n - 2] != 0x1b)) {
            n--; // a lone trailing ESC: hold it
            escHeld = true;
            generation++;
        }
        for (int i = 0; i < n; i++) {
            put(bytes[i]);
        }
    }

    /** The id of the ESC held now (0: none), for {@link #release}. */
    synchronized long holding() {
        return escHeld ? generation : 0;
    }

    /** Lets the held ESC {@code id} through (it was alone after all); false when it already went. */
    synchronized boolean release(long id) {
        if (!escHeld || generation != id) {
            return false;
        }
        escHeld = false;
        put((byte) 0x1b);
        return true;
    }

    private void put(byte b) {
        if (end == buf.length) {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            } else {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
        }
        buf[end++] = b;
    }

    @Override
    public synchronized int read() {
        return start < end ? buf[start++] & 0xff : -1;
    }

    /** Never blocks: 0 bytes when nothing is there (the decoder asks {@link #available} first). */
    @Override
    public synchronized int read(byte[] b, int off, int len) {
        int n = Math.min(len, end - start);
        System.arraycopy(buf, start, b, off, n);
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return n == 0 && len > 0 ? -1 : n;
    }

    @Override
    public synchronized int available() {
        return end - start;
    }
}
