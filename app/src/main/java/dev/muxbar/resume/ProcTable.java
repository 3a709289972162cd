package dev.muxbar.resume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process table, for the one question the agent memory asks of it (Linux {@code /proc}; elsewhere
 * nothing is known): whether any process's command line holds a resume id (so it is never resumed
 * twice).
 */
final class ProcTable {
    private ProcTable() {}

    private static final Path PROC = Path.of("/proc");

    static boolean anyCommandLineHolds(String text) {
        if (!Files.isDirectory(PROC)) {
            return false;
        }
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (DirectoryStream<Path> ps = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path p : ps) {
                try {
                    byte[] cmd = Files.readAllBytes(p.resolve("cmdline"));
                    if (indexOf(cmd, needle) >= 0) {
                        return true;
                    }
                } catch (IOException gone) {
                    // ended meanwhile, or not ours to read
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
