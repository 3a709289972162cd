package dev.muxbar.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * {@code daemon.log}, capped: past {@code maxBytes} the file becomes {@code daemon.log.1} (replacing
 * the previous one) and a new file starts, so the log never holds more than twice the cap.
 */
public final class DaemonLog implements Consumer<String> {

    public static final long DEFAULT_MAX_BYTES = 512 * 1024;

    private final Path file;
    private final long maxBytes;
    private long size;

    public DaemonLog(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
        try {
            size = Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            size = 0;
        }
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
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            size += bytes.length;
        } catch (IOException e) {
            // Logging must never take the daemon down; the runtime dir may be gone at exit.
        }
    }
}
