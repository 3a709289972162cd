package dev.muxbar.config;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * A state file muxbar cannot read (custom order, theme picks, sidebar settings) is the user's: before
 * muxbar starts over from defaults and later writes a new one, the unreadable file is kept beside it
 * as {@code <name>.corrupt-<UTC time>} and one log line says so.
 */
public final class CorruptFile {
    private CorruptFile() {}

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** {@link #keep(Path, String, Instant, Consumer)} now, the reason being the first line of {@code why}'s message. */
    public static Path keep(Path file, Throwable why, Consumer<String> log) {
        return keep(file, String.valueOf(why.getMessage()).lines().findFirst().orElse(""), Instant.now(), log);
    }

    /** Moves {@code file} aside; returns where it went, or null when it could not be moved (also logged). */
    public static Path keep(Path file, String why, Instant now, Consumer<String> log) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(now));
        try {
            Files.move(file, aside); // never replaces: a name taken already is a failure, not a loss
            log.accept("cannot read " + file + " (" + why + "); kept it as " + aside.getFileName()
                    + " and started from defaults");
            return aside;
        } catch (FileAlreadyExistsException e) {
            log.accept("cannot read " + file + " (" + why + "); " + aside.getFileName()
                    + " exists already, left it in place");
        } catch (IOException e) {
            log.accept("cannot read " + file + " (" + why + ") nor move it aside: " + e.getMessage());
        }
        return null;
    }
}
