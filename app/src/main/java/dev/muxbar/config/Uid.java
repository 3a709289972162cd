package dev.muxbar.config;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real uid of this process, as {@code id -ru} prints it in the shell scripts.
 *
 * <p>Not {@code com.sun.security.auth.module.UnixSystem}: it reports uid 0 when the uid has no passwd
 * entry (containers run like this), and the daemon and the plugin then disagreed about where the
 * runtime dir is. Linux: the first number of {@code Uid:} in {@code /proc/self/status} (no native
 * code); elsewhere {@code getuid(2)} through JNA.
 */
public final class Uid {
    private Uid() {}

    private static volatile long cached = -1;

    public static long real() {
        long u = cached;
        if (u < 0) {
            u = fromProc(Path.of("/proc/self/status"));
            if (u < 0) {
                u = LibC.INSTANCE.getuid() & 0xFFFF_FFFFL;
            }
            cached = u;
        }
        return u;
    }

    /** {@code Uid:\t<real>\t<effective>\t<saved>\t<fs>} → real, or -1 when there is no such file or line. */
    static long fromProc(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask libc
        }
        return -1;
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int getuid();
    }
}
