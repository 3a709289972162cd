package dev.muxbar.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** File helpers for tests' failure messages and cleanup. */
public final class TestFiles {
    private TestFiles() {}

    /**
     * Every path below {@code dir}, one per line ("" when it does not exist). A daemon that exits
     * removes its files while they are walked: the walk is tried again then (a few times).
     */
    public static String listing(Path dir) {
        for (int attempt = 0; ; attempt++) {
            if (!Files.exists(dir)) {
                return "";
            }
            try (var all = Files.walk(dir)) {
                return String.join("\n", all.map(Path::toString).toList());
            } catch (IOException | java.io.UncheckedIOException e) {
                if (attempt == 4) {
                    return e.toString();
                }
            }
        }
    }

    /** A file's text, "" when it does not exist, or the error. */
    public static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Deletes {@code dir} and everything below it, if it exists. */
    public static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
