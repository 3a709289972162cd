package dev.muxbar.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.api.ApiClient;
import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.TmuxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steady state spawns no subprocess: strace follows every thread of the daemon for 10 s of idle
 * (the reconciliation poll runs twice meanwhile) and must see no execve. A second trace around a
 * forced re-attach proves the tracer does see the daemon's spawns.
 */
class IdleIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void noSubprocessDuringTenSecondsIdle() throws Exception {
        // Panes outside any git repository: the sidebar's git mark rightly runs git when a
        // repository's index changes (someone working in it), which is not what this measures.
        try (TmuxServer tmux = new TmuxServer(TmuxServer.newLabel(), Path.of("/dev/null"), List.of("-s", "alpha", "-c", tmp.toString()));
             DaemonProcess daemon = DaemonProcess.start(tmux, tmp.resolve("run"), tmp.resolve("state")).awaitReady();
             ApiClient api = new ApiClient(daemon.socket())) {
            Poll.until(5_000, () -> daemon.order().equals("$0\talpha\n"), "first order file", daemon::diagnostics);
            long refreshesBefore = refreshes(api);

            Path idle = tmp.resolve("idle.strace");
            Process strace = trace(daemon.pid(), idle);
            Thread.sleep(10_000); // the measured idle window itself
            stopTrace(strace);
            List<String> execs = execs(idle);
            assertTrue(execs.isEmpty(), "daemon spawned while idle:\n" + String.join("\n", execs));
            assertTrue(refreshes(api) - refreshesBefore >= 1, "the reconciliation poll ran during the window");

            // Positive control: force a re-attach, which must spawn one tmux client, and see it.
            Path busy = tmp.resolve("busy.strace");
            strace = trace(daemon.pid(), busy);
            tmux.tmux("new-session", "-d", "-s", "beta", "-c", tmp.toString());
            String control = tmux.tmux("list-clients", "-F", "#{client_control_mode} #{session_id}").lines()
                    .filter(l -> l.startsWith("1 ")).findFirst().orElseThrow().substring(2);
            tmux.tmux("kill-session", "-t", control);
            Poll.until(5_000, () -> daemon.diagnostics().contains("re-attached"), "re-attach",
                    () -> tmux.describe() + "\n" + daemon.diagnostics());
            stopTrace(strace);
            assertTrue(execs(busy).stream().anyMatch(l -> l.contains("tmux")), "tracer saw the re-attach spawn");
        }
    }

    private static long refreshes(ApiClient api) throws Exception {
        return JSON.readTree(api.get("/health").body()).get("stats").get("refreshes").asLong();
    }

    /** strace -f on a running pid attaches to all its threads and follows new children. */
    private static Process trace(long pid, Path out) throws Exception {
        Process p = new ProcessBuilder("strace", "-f", "-qq", "-e", "trace=execve,execveat", "-p", String.valueOf(pid),
                "-o", out.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Poll.until(5_000, () -> tracerOf(pid) == p.pid() || !p.isAlive(), "strace to attach", () -> "strace alive=" + p.isAlive());
        assertTrue(p.isAlive(), "strace could not attach (is ptrace allowed?)");
        return p;
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

    private static void stopTrace(Process strace) throws Exception {
        strace.destroy(); // SIGTERM: strace detaches (thread by thread: slow on a busy machine) and flushes
        assertTrue(strace.waitFor(20, TimeUnit.SECONDS), "strace did not detach within 20 s");
    }

    private static List<String> execs(Path out) throws Exception {
        assertTrue(Files.exists(out), "strace wrote " + out);
        return Files.readAllLines(out).stream().filter(l -> l.contains("execve")).toList();
    }
}
