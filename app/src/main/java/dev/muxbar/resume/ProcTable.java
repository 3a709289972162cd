package dev.muxbar.resume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process table, for the few questions the agent memory asks of it (Linux {@code /proc}; elsewhere
 * nothing is known): whether any process's command line holds a resume id (so it is never resumed
 * twice), and the memory of a process tree (what hibernating it frees).
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

    /**
     * The proportional memory (PSS, kB) of {@code pid} and its descendants ({@code smaps_rollup}; RSS
     * from {@code status} where that is missing); 0 when unknown.
     */
    static long memoryKb(long pid) {
        long total = 0;
        java.util.ArrayDeque<Long> todo = new java.util.ArrayDeque<>(java.util.List.of(pid));
        java.util.Set<Long> seen = new java.util.HashSet<>();
        while (!todo.isEmpty() && seen.size() < 512) {
            long p = todo.pop();
            if (!seen.add(p)) {
                continue;
            }
            total += field(PROC.resolve(p + "/smaps_rollup"), "Pss:", PROC.resolve(p + "/status"), "VmRSS:");
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(PROC.resolve(p + "/task"))) {
                for (Path t : tasks) {
                    try {
                        for (String c :
                                Files.readString(t.resolve("children")).trim().split("\\s+")) {
                            if (!c.isEmpty()) {
                                todo.push(Long.parseLong(c));
                            }
                        }
                    } catch (IOException | NumberFormatException e) {
                        // a thread gone meanwhile
                    }
                }
            } catch (IOException e) {
                // the process went
            }
        }
        return total;
    }

    private static long field(Path file, String name, Path fallback, String fallbackName) {
        long v = read(file, name);
        return v >= 0 ? v : Math.max(0, read(fallback, fallbackName));
    }

    private static long read(Path file, String name) {
        try {
            for (String l : Files.readAllLines(file)) {
                if (l.startsWith(name)) {
                    return Long.parseLong(l.substring(name.length()).replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not there, or not readable
        }
        return -1;
    }
}
