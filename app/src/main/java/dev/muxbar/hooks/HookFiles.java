package dev.muxbar.hooks;

import dev.muxbar.config.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Reads a config file, writes the edited text after a timestamped backup, or reports a dry run. */
public final class HookFiles {
    private HookFiles() {}

    /** What happened: the file, whether it changed, the backup (or null), and a line for the user. */
    public record Result(Path file, boolean changed, Path backup, String message) {}

    public interface Edit {
        String apply(String text) throws IOException;
    }

    public static Result edit(Path file, Edit edit, boolean dryRun, boolean createIfMissing, String emptyText)
            throws IOException {
        boolean exists = Files.exists(file);
        if (!exists && !createIfMissing) {
            return new Result(file, false, null, file + " does not exist: nothing to do");
        }
        String before = exists ? Files.readString(file, StandardCharsets.UTF_8) : emptyText;
        String after = edit.apply(before);
        if (after.equals(before)) {
            return new Result(file, false, null, file + " is already as wanted: nothing to do");
        }
        if (dryRun) {
            return new Result(file, false, null, "would change " + file + " (dry run: nothing written)\n" + after);
        }
        Path backup = null;
        if (exists) {
            backup = file.resolveSibling(file.getFileName() + ".muxbar-backup-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
            Files.copy(file, backup);
        } else {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        AtomicFiles.write(file, after);
        return new Result(file, true, backup, "changed " + file + (backup == null ? "" : " (backup: " + backup + ")"));
    }
}
