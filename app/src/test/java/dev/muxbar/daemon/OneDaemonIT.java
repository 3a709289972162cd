package dev.muxbar.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.testing.DaemonLocks;
import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.PluginServer;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Teardown;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One daemon per tmux server, whatever environment a daemon is started from: a daemon started by
 * hand with another TMPDIR (so another runtime dir) than the tmux server's, before or after the
 * plugin loads, and one told an explicit runtime dir of its own, all meet the same claim.
 */
class OneDaemonIT {

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();

    @AfterEach
    void stop() {
        cleanup.close();
    }

    /** {@code muxbar server -S SOCKET} from a shell whose environment is {@code env} (no MUXBAR_RUNTIME_DIR). */
    private DaemonProcess.Cli serverFrom(PluginServer p, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(DaemonProcess.commandLine("server", "-S", p.tmux.socket.toString()))
                .redirectErrorStream(true);
        pb.environment().remove("TMUX");
        pb.environment().remove("MUXBAR_RUNTIME_DIR");
        pb.environment().putAll(env);
        Process proc = pb.start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        proc.waitFor(30, TimeUnit.SECONDS);
        return new DaemonProcess.Cli(proc.exitValue(), out);
    }

    private static long controlClients(PluginServer p) {
        return p.tmux.tmux("list-clients", "-F", "#{client_control_mode}")
                .lines()
                .filter("1"::equals)
                .count();
    }

    private Map<String, String> otherTmpdir() {
        return Map.of(
                "TMPDIR",
                tmp.resolve("other").toString(),
                "XDG_RUNTIME_DIR",
                "",
                "XDG_STATE_HOME",
                tmp.resolve("state").toString());
    }

    @Test
    void aDaemonStartedByHandWithAnotherTmpdirIsTheOneThePluginFinds() throws Exception {
        PluginServer p = cleanup.track(PluginServer.create("alpha", "beta"));
        DaemonProcess.Cli first = serverFrom(p, otherTmpdir());
        assertEquals(0, first.exit(), first.output());
        long pid = Long.parseLong(first.output().replaceAll("(?s).*\\(pid ([0-9]+)\\).*", "$1"));
        cleanup.track(() -> DaemonLocks.stop(pid));
        p.load(); // the plugin: its daemon check must find that one
        Poll.until(5_000, () -> p.daemonPid() == pid, "the plugin uses the daemon started by hand", p::diagnostics);
        assertEquals(1, controlClients(p), p.diagnostics());
        assertTrue(
                p.runtimeDir().startsWith(tmp.resolve("other")),
                "tmux names the daemon's runtime dir: " + p.runtimeDir());
    }

    @Test
    void withThePluginsDaemonRunningAHandStartedOneIsRefusedWhateverItsRuntimeDir() throws Exception {
        PluginServer p = cleanup.track(PluginServer.create("alpha")).load();
        long pid = p.daemonPid();
        DaemonProcess.Cli other = serverFrom(p, otherTmpdir());
        assertEquals(0, other.exit(), other.output());
        assertTrue(
                other.output().contains("already serves") && other.output().contains(String.valueOf(pid)),
                other.output());
        Path explicit = tmp.resolve("explicit");
        DaemonProcess.Cli told = serverFrom(
                p,
                Map.of(
                        "MUXBAR_RUNTIME_DIR",
                        explicit.toString(),
                        "XDG_STATE_HOME",
                        tmp.resolve("state").toString()));
        assertTrue(
                told.output().contains("already serves") && told.output().contains("runtime dir " + p.runtimeDir()),
                told.output());
        assertEquals(1, controlClients(p), p.diagnostics());
        assertEquals(pid, p.daemonPid());
    }

    /** A claim left by a daemon killed with kill -9 is taken over by the next one. */
    @Test
    void aDeadDaemonsClaimIsTakenOver() throws Exception {
        PluginServer p = cleanup.track(PluginServer.create("alpha")).load();
        p.tmux.tmux("set-option", "-g", "@muxbar-stopped", "1"); // no revival: this test starts the next one
        long dead = p.daemonPid();
        ProcessHandle.of(dead).orElseThrow().destroyForcibly();
        Poll.until(5_000, () -> controlClients(p) == 0, "its control client gone", p::diagnostics);
        assertTrue(
                p.tmux.tmux("show-options", "-gqv", "@muxbar-daemon").startsWith(dead + " "),
                "the dead claim is there");
        DaemonProcess.Cli next = serverFrom(p, otherTmpdir());
        assertEquals(0, next.exit(), next.output());
        long pid = Long.parseLong(next.output().replaceAll("(?s).*\\(pid ([0-9]+)\\).*", "$1"));
        cleanup.track(() -> DaemonLocks.stop(pid));
        Poll.until(
                5_000,
                () -> p.tmux.tmux("show-options", "-gqv", "@muxbar-daemon").startsWith(pid + " "),
                "the new daemon holds the claim",
                p::diagnostics);
        assertEquals(
                List.of("1"),
                p.tmux.tmux("list-clients", "-F", "#{client_control_mode}")
                        .lines()
                        .filter("1"::equals)
                        .toList());
    }
}
