package dev.muxbar.agents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

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

    /** The command line of {@code pid} (arguments joined by spaces), or null. */
    default String commandLine(long pid) {
        return null;
    }

    /** The argument vector of {@code pid} ({@code argv[0]} first), empty when unknown. */
    default java.util.List<String> arguments(long pid) {
        return java.util.List.of();
    }

    /**
     * When the program in the foreground of a pane whose shell is {@code shellPid} started (wall ms,
     * to a second), or 0 when unknown: what a pane runs now began then, and a conversation written
     * only before then was another instance's.
     */
    default long foregroundStartedAt(long shellPid) {
        return 0;
    }

    /**
     * The pid of the program in the foreground of a pane whose shell is {@code shellPid} (the leader
     * of the terminal's foreground process group; the shell itself at its prompt), or 0 when unknown.
     */
    default long foregroundOf(long shellPid) {
        return 0;
    }

    /**
     * The variables among {@code names} in the environment {@code pid} was started with (empty when
     * unreadable, e.g. another user's process): where an agent keeps its files is decided by its own
     * environment, which a user's shell rc may have set and the daemon never saw.
     */
    default Map<String, String> environment(long pid, Set<String> names) {
        return Map.of();
    }

    /** Only parents known (tests, and hooks that know their pid). */
    static Processes parents(java.util.function.LongUnaryOperator parentOf) {
        return new Processes() {
            @Override
            public long parentOf(long pid) {
                return parentOf.applyAsLong(pid);
            }

            @Override
            public String commandLineOfDescendant(long pid, String name) {
                return null;
            }
        };
    }

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
        private volatile long boot; // the boot time, in seconds of the wall clock

        @Override
        public long parentOf(long pid) {
            try {
                // "123 (name with ) maybe) S 45 …": the ppid is the second field after the last ')'.
                return Long.parseLong(stat(pid)[1]);
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
                    for (String c : Files.readString(
                                    Path.of("/proc", Long.toString(p), "task", Long.toString(p), "children"))
                            .trim()
                            .split(" ")) {
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

        /** An environment larger than this is read only this far (Linux allows a few MB). */
        static final int MAX_ENVIRON = 256 * 1024;

        @Override
        public long foregroundOf(long shellPid) {
            try {
                // Fields after the name: state ppid pgrp session tty_nr tpgid …
                long group = Long.parseLong(stat(shellPid)[5]);
                return group > 0 ? group : shellPid;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        @Override
        public Map<String, String> environment(long pid, Set<String> names) {
            Map<String, String> out = new HashMap<>();
            try (var in = Files.newInputStream(Path.of("/proc", Long.toString(pid), "environ"))) {
                for (String kv : new String(in.readNBytes(MAX_ENVIRON), StandardCharsets.UTF_8).split("\0")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0 && names.contains(kv.substring(0, eq))) {
                        out.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Map.of(); // gone, or not ours to read
            }
            return out;
        }

        @Override
        public long foregroundStartedAt(long shellPid) {
            try {
                long group = foregroundOf(shellPid);
                long ticks = Long.parseLong(stat(group > 0 ? group : shellPid)[19]);
                if (boot == 0) {
                    boot = Files.readAllLines(Path.of("/proc/stat")).stream()
                            .filter(l -> l.startsWith("btime "))
                            .mapToLong(l -> Long.parseLong(l.substring(6).trim()))
                            .findFirst()
                            .orElse(0);
                }
                // /proc counts in USER_HZ, which Linux fixes at 100 whatever the kernel's own tick.
                return boot == 0 ? 0 : boot * 1000 + ticks * 10;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        private static String[] stat(long pid) throws IOException {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        }

        @Override
        public String commandLine(long pid) {
            String[] args = args(pid);
            return args.length == 0 ? null : String.join(" ", args);
        }

        @Override
        public java.util.List<String> arguments(long pid) {
            return java.util.List.of(args(pid));
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
