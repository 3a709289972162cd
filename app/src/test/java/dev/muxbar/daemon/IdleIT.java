package dev.muxbar.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.api.ApiClient;
import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Strace;
import dev.muxbar.testing.TmuxServer;
import java.nio.file.Path;
import java.util.List;
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
        try (TmuxServer tmux = new TmuxServer(
                        TmuxServer.newLabel(), Path.of("/dev/null"), List.of("-s", "alpha", "-c", tmp.toString()));
                DaemonProcess daemon = DaemonProcess.start(tmux, tmp.resolve("run"), tmp.resolve("state"))
                        .awaitReady();
                ApiClient api = new ApiClient(daemon.socket())) {
            Poll.until(5_000, () -> daemon.order().equals("$0\talpha\n"), "first order file", daemon::diagnostics);
            long refreshesBefore = refreshes(api);

            Strace strace = Strace.execs(daemon.pid(), tmp.resolve("idle.strace"));
            Thread.sleep(10_000); // the measured idle window itself
            List<String> execs = strace.stop();
            assertTrue(execs.isEmpty(), "daemon spawned while idle:\n" + String.join("\n", execs));
            assertTrue(refreshes(api) - refreshesBefore >= 1, "the reconciliation poll ran during the window");

            // Positive control: force a re-attach, which must spawn one tmux client, and see it.
            strace = Strace.execs(daemon.pid(), tmp.resolve("busy.strace"));
            tmux.tmux("new-session", "-d", "-s", "beta", "-c", tmp.toString());
            String control = tmux.tmux("list-clients", "-F", "#{client_control_mode} #{session_id}")
                    .lines()
                    .filter(l -> l.startsWith("1 "))
                    .findFirst()
                    .orElseThrow()
                    .substring(2);
            tmux.tmux("kill-session", "-t", control);
            Poll.until(
                    5_000,
                    () -> daemon.diagnostics().contains("re-attached"),
                    "re-attach",
                    () -> tmux.describe() + "\n" + daemon.diagnostics());
            assertTrue(strace.stop().stream().anyMatch(l -> l.contains("tmux")), "tracer saw the re-attach spawn");
        }
    }

    private static long refreshes(ApiClient api) throws Exception {
        return JSON.readTree(api.get("/health").body())
                .get("stats")
                .get("refreshes")
                .asLong();
    }
}
