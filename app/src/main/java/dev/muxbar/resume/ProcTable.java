package dev.muxbar.resume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The process table, for the one question the agent memory asks of it (Linux {@code /proc}; elsewhere
 * nothing is known): which command lines run, so that a resume id one of them holds is never resumed
 * twice. Read once per resume batch, not once per agent: every process is one small read.
 */
final class ProcTable {
    private ProcTable() {}

    private static final Path PROC = Path.of("/proc");

    /** The command lines of every process this user may read (arguments NUL-separated). */
    static List<String> commandLines() {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(PROC)) {
            return out;
        }
        try (DirectoryStream<Path> ps = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path p : ps) {
                try {
                    out.add(new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8));
                } catch (IOException gone) {
                    // ended meanwhile, or not ours to read
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
