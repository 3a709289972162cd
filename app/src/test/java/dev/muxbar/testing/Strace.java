package dev.muxbar.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code strace -f} on a running process for the programs it and its children start ({@code execve}). */
public final class Strace implements AutoCloseable {

    private final Process strace;
    private final Path out;

    private Strace(Process strace, Path out) {
        this.strace = strace;
        this.out = out;
    }

    /** Attaches to all threads of {@code pid} and follows new children; fails the test if it cannot. */
    public static Strace execs(long pid, Path out) throws Exception {
        Process p = new ProcessBuilder(
                        "strace",
                        "-f",
                        "-qq",
                        "-e",
                        "trace=execve,execveat",
                        "-p",
                        String.valueOf(pid),
                        "-o",
                        out.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Poll.until(
                5_000,
                () -> tracerOf(pid) == p.pid() || !p.isAlive(),
                "strace to attach",
                () -> "strace alive=" + p.isAlive());
        assertTrue(p.isAlive(), "strace could not attach (is ptrace allowed?)");
        return new Strace(p, out);
    }

    private static long tracerOf(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (l.startsWith("TracerPid:")) {
                    return Long.parseLong(l.substring("TracerPid:".length()).trim());
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    /** Detaches and returns the programs started while attached (strace's execve lines). */
    public List<String> stop() throws Exception {
        strace.destroy(); // SIGTERM: strace detaches (thread by thread: slow on a busy machine) and flushes
        assertTrue(strace.waitFor(20, TimeUnit.SECONDS), "strace did not detach within 20 s");
        assertTrue(Files.exists(out), "strace wrote " + out);
        return Files.readAllLines(out).stream()
                .filter(l -> l.contains("execve"))
                .toList();
    }

    @Override
    public void close() {
        strace.destroyForcibly();
    }
}
