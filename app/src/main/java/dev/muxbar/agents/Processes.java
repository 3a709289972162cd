package dev.muxbar.agents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the process table says, read from {@code /proc} (Linux). Elsewhere every answer is "unknown"
 * (0 or null) and agents are recognised by their process name alone.
 */
public interface Processes {

    /** The parent of {@code pid}, or 0. */
    long parentOf(long pid);

    /**
     * The command line (arguments joined by spaces) of the nearest descendant of {@code pid} whose
     * name is {@code name}, or null.
     */
    String commandLineOfDescendant(long pid, String name);

    Processes NONE = new Processes() {
        @Override
        public long parentOf(long pid) {
            return 0;
        }

        @Override
        public String commandLineOfDescendant(long pid, String name) {
            return null;
        }
    };

    /** {@code /proc} when present, else {@link #NONE}. */
    static Processes system() {
        return Files.isDirectory(Path.of("/proc/self/task")) ? new Proc() : NONE;
    }

    /** Linux: {@code /proc/PID/stat} for parents, {@code /proc/PID/task/PID/children} for children. */
    final class Proc implements Processes {
        @Override
        public long parentOf(long pid) {
            try {
                // "123 (name with ) maybe) S 45 …": the ppid is the second field after the last ')'.
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[1]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        @Override
        public String commandLineOfDescendant(long pid, String name) {
            java.util.ArrayDeque<Long> queue = new java.util.ArrayDeque<>();
            queue.add(pid);
            for (int seen = 0; !queue.isEmpty() && seen < 64; seen++) {
                long p = queue.poll();
                String[] args = args(p);
                String program = args.length > 0 ? args[0].substring(args[0].lastIndexOf('/') + 1) : "";
                if (program.equals(name)) {
                    return String.join(" ", args);
                }
                try {
                    for (String c : Files.readString(Path.of("/proc", Long.toString(p), "task", Long.toString(p), "children"))
                            .trim().split(" ")) {
                        if (!c.isEmpty()) {
                            queue.add(Long.parseLong(c));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
            return null;
        }

        private static String[] args(long pid) {
            try {
                byte[] b = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
                return b.length == 0 ? new String[0] : new String(b, StandardCharsets.UTF_8).split("\0");
            } catch (IOException | RuntimeException e) {
                return new String[0];
            }
        }
    }
}
