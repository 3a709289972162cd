package dev.muxbar.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Daemons a test's plugin started, found by the pid in their {@code daemon.lock}, and ended. */
public final class DaemonLocks {
    private DaemonLocks() {}

    /** The pids named by every {@code daemon.lock} below {@code dir}. */
    public static List<Long> pids(Path dir) {
        return TestFiles.listing(dir)
                .lines()
                .filter(l -> l.endsWith("daemon.lock"))
                .map(l -> TestFiles.read(Path.of(l)).trim())
                .filter(s -> !s.isEmpty())
                .map(s -> Long.parseLong(s.split(" ")[0]))
                .toList();
    }

    /** Running: there, and not a zombie (this sandbox's init reaps late; the daemon is not our child). */
    public static boolean running(long pid) {
        String stat = TestFiles.read(Path.of("/proc/" + pid + "/stat"));
        return !stat.isEmpty()
                && !stat.startsWith("java.")
                && !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    }

    /** Asks it to stop (SIGTERM) and waits up to 5 s, then kills it. */
    public static void stop(long pid) {
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroy();
            awaitExit(p);
        });
    }

    /** Waits up to 5 s for it to exit by itself, then kills it. */
    public static void awaitExit(long pid) {
        ProcessHandle.of(pid).ifPresent(DaemonLocks::awaitExit);
    }

    private static void awaitExit(ProcessHandle p) {
        try {
            p.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
        }
    }
}
