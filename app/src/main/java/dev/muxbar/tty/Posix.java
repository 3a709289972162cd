package dev.muxbar.tty;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The few libc calls the hub needs, with the constants of the platform it runs on (Linux or macOS:
 * O_* and EAGAIN differ, poll's flags do not). Sizes are {@code long}: {@code size_t} and
 * {@code ssize_t} on the LP64 platforms muxbar runs on. No variadic call (fcntl): its arguments
 * pass differently on arm64 macOS, so non-blocking mode is asked for when a tty is opened.
 */
final class Posix {
    private Posix() {}

    static final boolean MAC = Platform.isMac();
    static final int O_RDWR = 2;
    static final int O_NONBLOCK = MAC ? 0x4 : 0x800;
    static final int O_NOCTTY = MAC ? 0x20000 : 0x100;
    static final int O_CLOEXEC = MAC ? 0x1000000 : 0x80000;
    static final int EINTR = 4;
    static final int EAGAIN = MAC ? 35 : 11;
    static final short POLLIN = 0x1;
    static final short POLLOUT = 0x4;
    static final short POLLERR = 0x8;
    static final short POLLHUP = 0x10;
    static final short POLLNVAL = 0x20;
    /** {@code struct pollfd}: int fd, short events, short revents. */
    static final int POLLFD_SIZE = 8;

    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int open(String path, int flags);

        int close(int fd);

        long read(int fd, byte[] buf, long count);

        long write(int fd, byte[] buf, long count);

        int poll(java.nio.ByteBuffer fds, long nfds, int timeoutMillis);

        int pipe(int[] fds);
    }

    static int errno() {
        return Native.getLastError();
    }
}
