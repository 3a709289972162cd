package dev.muxbar.tty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One thread for every open tty. It waits in {@code poll(2)} on all of them and on a wake-up pipe:
 * a tty's bytes go to its {@link Listener} as they come; what a {@link Tty#write} could not write at
 * once (the tty was full: the client showing it is slow or stopped reading) stays with that tty and
 * goes out when it drains, after which the listener hears {@link Listener#onDrained}. Writes never
 * block, so a tty that stops draining delays nobody; its pending bytes are bounded by what its
 * writer does (the sidebar renders no new frame while one is pending).
 *
 * <p>Only this thread closes a tty's fd (and only after it left the poll set), so a descriptor is
 * never closed, reused by another open and then polled or written as the old tty.
 */
public final class TtyHub implements AutoCloseable {

    /** What a tty's owner hears. Called on the hub's thread: keep it short. */
    public interface Listener {
        /** Bytes read from the tty (valid only during the call). */
        void onInput(byte[] bytes, int length);

        /** Everything written so far reached the tty. */
        default void onDrained() {}

        /** The tty failed (its pane was killed: EIO/hang-up) or was closed; no more calls follow. */
        void onGone();
    }

    private final ConcurrentLinkedQueue<Tty> added = new ConcurrentLinkedQueue<>();
    private final List<Tty> ttys = new ArrayList<>();
    private final AtomicBoolean woken = new AtomicBoolean();
    private final int wakeRead;
    private final int wakeWrite;
    private final Thread thread;
    private final byte[] readBuffer = new byte[4096];
    private volatile boolean closed;
    private volatile int polled;
    // The pollfd array: a direct buffer in native order (JNA's Memory would start a cleaner thread).
    private ByteBuffer pollFds = pollFds(16);

    public TtyHub(String name) throws IOException {
        int[] p = new int[2];
        if (Posix.LibC.INSTANCE.pipe(p) != 0) {
            throw new IOException("pipe: errno " + Posix.errno());
        }
        wakeRead = p[0];
        wakeWrite = p[1];
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Opens a tty for reading and writing, non-blocking, not as a controlling terminal, and starts
     * polling it.
     */
    public Tty open(String path, Listener listener) throws IOException {
        if (closed) {
            throw new IOException("the tty hub is closed");
        }
        int fd = Posix.LibC.INSTANCE.open(path, Posix.O_RDWR | Posix.O_NONBLOCK | Posix.O_NOCTTY | Posix.O_CLOEXEC);
        if (fd < 0) {
            throw new IOException("cannot open " + path + ": errno " + Posix.errno());
        }
        Tty t = new Tty(this, path, fd, listener);
        added.add(t);
        wake();
        return t;
    }

    /** Ttys being polled (for tests and the health figures). */
    public int size() {
        return polled;
    }

    void wake() {
        if (woken.compareAndSet(false, true)) {
            Posix.LibC.INSTANCE.write(wakeWrite, new byte[] {1}, 1);
        }
    }

    private void loop() {
        while (!closed) {
            Tty t;
            while ((t = added.poll()) != null) {
                ttys.add(t);
            }
            ttys.removeIf(Tty::closeIfAsked);
            polled = ttys.size();
            int n = ttys.size() + 1;
            if (pollFds.capacity() < n * Posix.POLLFD_SIZE) {
                pollFds = pollFds(Math.max(n, pollFds.capacity() / Posix.POLLFD_SIZE * 2));
            }
            pollFds.putInt(0, wakeRead);
            pollFds.putShort(4, Posix.POLLIN);
            pollFds.putShort(6, (short) 0);
            for (int i = 0; i < ttys.size(); i++) {
                int at = (i + 1) * Posix.POLLFD_SIZE;
                pollFds.putInt(at, ttys.get(i).fd);
                pollFds.putShort(
                        at + 4, ttys.get(i).hasPending() ? (short) (Posix.POLLIN | Posix.POLLOUT) : Posix.POLLIN);
                pollFds.putShort(at + 6, (short) 0);
            }
            int ready = Posix.LibC.INSTANCE.poll(pollFds, n, -1);
            if (ready < 0) {
                if (Posix.errno() == Posix.EINTR) {
                    continue;
                }
                break; // cannot happen with valid arguments; do not spin
            }
            if ((pollFds.getShort(6) & Posix.POLLIN) != 0) {
                Posix.LibC.INSTANCE.read(wakeRead, readBuffer, 64);
                woken.set(false);
            }
            for (int i = 0; i < ttys.size(); i++) {
                short revents = pollFds.getShort((i + 1) * Posix.POLLFD_SIZE + 6);
                if (revents != 0) {
                    service(ttys.get(i), revents);
                }
            }
        }
        for (Tty t : ttys) {
            t.closeNow();
        }
        ttys.clear();
    }

    private static ByteBuffer pollFds(int entries) {
        return ByteBuffer.allocateDirect(entries * Posix.POLLFD_SIZE).order(ByteOrder.nativeOrder());
    }

    private void service(Tty t, short revents) {
        if ((revents & Posix.POLLIN) != 0) {
            long n = Posix.LibC.INSTANCE.read(t.fd, readBuffer, readBuffer.length);
            if (n > 0) {
                t.input(readBuffer, (int) n);
            } else if (n == 0 || Posix.errno() != Posix.EAGAIN && Posix.errno() != Posix.EINTR) {
                t.fail(); // EIO: the pane's process side went
                return;
            }
        } else if ((revents & (Posix.POLLHUP | Posix.POLLERR | Posix.POLLNVAL)) != 0) {
            t.fail();
            return;
        }
        if ((revents & Posix.POLLOUT) != 0) {
            t.flushPending();
        }
    }

    /** Stops the thread and closes every tty (daemon exit). */
    @Override
    public void close() {
        closed = true;
        woken.set(false);
        wake();
    }

    /** One open tty. {@link #write} is safe from any thread; the listener is called on the hub's. */
    public static final class Tty {
        private final TtyHub hub;
        private final String path;
        final int fd;
        private final Listener listener;
        private byte[] pending = new byte[0]; // guarded by this
        private volatile boolean closing;
        private boolean gone; // hub thread only

        Tty(TtyHub hub, String path, int fd, Listener listener) {
            this.hub = hub;
            this.path = path;
            this.fd = fd;
            this.listener = listener;
        }

        public String path() {
            return path;
        }

        /**
         * Writes now as much as the tty takes; the rest goes when it drains. Bytes of one call are
         * never interleaved with another's. Nothing happens after {@link #close}.
         *
         * @return true when everything was written at once
         */
        public synchronized boolean write(byte[] bytes) {
            if (closing || bytes.length == 0) {
                return !closing;
            }
            if (pending.length > 0) {
                pending = concat(pending, bytes);
                return false;
            }
            int done = 0;
            while (done < bytes.length) {
                byte[] rest = done == 0 ? bytes : Arrays.copyOfRange(bytes, done, bytes.length);
                long n = Posix.LibC.INSTANCE.write(fd, rest, rest.length);
                if (n > 0) {
                    done += (int) n;
                } else if (n < 0 && Posix.errno() == Posix.EINTR) {
                    continue;
                } else {
                    break; // EAGAIN (full) or an error the hub's poll reports
                }
            }
            if (done == bytes.length) {
                return true;
            }
            pending = Arrays.copyOfRange(bytes, done, bytes.length);
            hub.wake(); // poll for POLLOUT on it from now on
            return false;
        }

        /** Bytes written but not yet taken by the tty. */
        public synchronized int pendingBytes() {
            return pending.length;
        }

        synchronized boolean hasPending() {
            return pending.length > 0;
        }

        /** Stops polling and closes the fd (on the hub's thread, soon). */
        public void close() {
            closing = true;
            hub.wake();
        }

        void input(byte[] b, int n) {
            if (!closing) {
                listener.onInput(b, n);
            }
        }

        void flushPending() {
            boolean drained;
            synchronized (this) {
                byte[] rest = pending;
                pending = new byte[0];
                drained = rest.length == 0 || write(rest);
            }
            if (drained && !closing) {
                listener.onDrained();
            }
        }

        void fail() {
            closing = true;
        }

        /** Hub thread: true (and the fd closed, the listener told) when this tty is to go. */
        boolean closeIfAsked() {
            if (!closing) {
                return false;
            }
            closeNow();
            return true;
        }

        void closeNow() {
            if (!gone) {
                gone = true;
                Posix.LibC.INSTANCE.close(fd);
                listener.onGone();
            }
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] c = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        }
    }
}
