package dev.muxbar.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * {@code daemon.log}, capped: past {@code maxBytes} the file becomes {@code daemon.log.1} (replacing
 * the previous one) and a new file starts, so the log never holds more than twice the cap.
 *
 * <p>What it holds by default: starts, stops, problems and decisions worth a bug report. Lines that
 * come with normal use at a steady rate (every agent status change) go to {@link #debug()}, which
 * writes only when debugging is on ({@code @muxbar-debug on} or {@code MUXBAR_DEBUG=1} when the
 * daemon starts): under agent churn they filled the cap within minutes and pushed problems out.
 */
public final class DaemonLog implements Consumer<String> {

    public static final long DEFAULT_MAX_BYTES = 512 * 1024;

    private final Path file;
    private final long maxBytes;
    private long size;
    private volatile boolean debugging;

    public DaemonLog(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
        try {
            size = Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            size = 0;
        }
    }

    /** Turns the {@link #debug()} lines on or off. */
    public void debugging(boolean on) {
        debugging = on;
    }

    /** A sink for lines that are written only while debugging is on. */
    public Consumer<String> debug() {
        return m -> {
            if (debugging) {
                accept(m);
            }
        };
    }

    /** {@link #debug()} for lines made only while debugging is on (one per agent change). */
    public Consumer<java.util.function.Supplier<String>> debugLazily() {
        return m -> {
            if (debugging) {
                accept(m.get());
            }
        };
    }

    @Override
    public synchronized void accept(String message) {
        String line = Instant.now() + " " + message.replace('\n', ' ') + "\n";
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        try {
            if (size + bytes.length > maxBytes) {
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
                size = 0;
            }
            // never through a symlink: the runtime dir is private, and this keeps it that way if it was not
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
            size += bytes.length;
        } catch (IOException e) {
            // Logging must never take the daemon down; the runtime dir may be gone at exit.
        }
    }
}
