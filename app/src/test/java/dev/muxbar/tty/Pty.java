package dev.muxbar.tty;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;

/** A pseudo-terminal for tests: the master side here, the slave's path for the hub to open. */
public final class Pty implements AutoCloseable {

    interface C extends Library {
        C INSTANCE = Native.load("c", C.class);

        int posix_openpt(int flags);

        int grantpt(int fd);

        int unlockpt(int fd);

        String ptsname(int fd);

        long read(int fd, byte[] buf, long count);

        long write(int fd, byte[] buf, long count);

        int close(int fd);
    }

    public final int master;
    public final String slave;
    private boolean closed;

    public Pty() throws Exception {
        master = C.INSTANCE.posix_openpt(Posix.O_RDWR | Posix.O_NOCTTY);
        if (master < 0 || C.INSTANCE.grantpt(master) != 0 || C.INSTANCE.unlockpt(master) != 0) {
            throw new IOException("no pty: errno " + Native.getLastError());
        }
        slave = C.INSTANCE.ptsname(master);
        // raw, no echo: as scripts/sidebar-pane leaves a sidebar's tty
        Process p = new ProcessBuilder("stty", "-F", slave, "raw", "-echo")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("stty: " + out);
        }
    }

    /** What the terminal side types. */
    public void type(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        C.INSTANCE.write(master, b, b.length);
    }

    /** Reads what was written to the tty (blocking until something is there). */
    public byte[] read(int max) {
        byte[] b = new byte[max];
        long n = C.INSTANCE.read(master, b, max);
        return java.util.Arrays.copyOf(b, (int) Math.max(0, n));
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            C.INSTANCE.close(master);
        }
    }
}
