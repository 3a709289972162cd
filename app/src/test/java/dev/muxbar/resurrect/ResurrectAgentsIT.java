package dev.muxbar.resurrect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.api.ApiClient;
import dev.muxbar.testing.DaemonLocks;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TestFiles;
import dev.muxbar.testing.TmuxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A tmux-resurrect round trip with an agent: save, kill-server, start, restore — resurrect gives the
 * agent's pane back with a shell in its directory, and muxbar (the plugin loaded, {@code @muxbar-resume
 * auto}) brings the agent back into that pane with its resume command, once. Runs the resurrect-shaped
 * scripts in test resources, or a real tmux-resurrect checkout named by {@code MUXBAR_IT_RESURRECT}.
 */
class ResurrectAgentsIT {

    private final Teardown cleanup = new Teardown();
    private final Path root =
            Path.of(System.getProperty("muxbar.root", ".")).toAbsolutePath().normalize();
    private final Path resurrect = System.getenv("MUXBAR_IT_RESURRECT") != null
            ? Path.of(System.getenv("MUXBAR_IT_RESURRECT"))
            : root.resolve("app/src/test/resources/resurrect-shape");

    @AfterEach
    void stop() {
        cleanup.close();
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** The one file under {@code dir} named {@code name}, or null. */
    private static Path find(Path dir, String name) {
        try (var files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().equals(name))
                    .findFirst()
                    .orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Test
    void anAgentComesBackIntoThePaneResurrectRestored() throws Exception {
        Path home = Files.createTempDirectory(Path.of("/tmp"), "mxa"); // short: the daemon's socket path
        cleanup.track(() -> TestFiles.deleteTree(home));
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.copy(root.resolve("app/src/test/resources/fake-agents/lasting"), bin.resolve("claude"));
        Files.setPosixFilePermissions(bin.resolve("claude"), PosixFilePermissions.fromString("rwx------"));
        Files.writeString(home.resolve(".profile"), "PATH='" + bin + "':$PATH; export PATH\n");
        Path log = home.resolve("agents.log");
        Files.writeString(log, "");
        Path project = Files.createDirectories(home.resolve("project"));
        Path conf = home.resolve("tmux.conf");
        Files.write(
                conf,
                List.of(
                        "set -g default-shell /bin/sh",
                        "set-environment -g HOME '" + home + "'",
                        "set-environment -g FAKE_LOG '" + log + "'",
                        "set-environment -g XDG_RUNTIME_DIR '" + home.resolve("run") + "'",
                        "set-environment -g XDG_STATE_HOME '" + home.resolve("state") + "'",
                        "set -g @resurrect-dir '" + home.resolve("res") + "'",
                        "set -g @muxbar-resume auto",
                        "run-shell '" + root.resolve("muxbar.tmux") + "'"));
        String label = TmuxServer.newLabel();
        TmuxServer tmux = cleanup.track(new TmuxServer(label, conf, List.of("-s", "work", "-c", project.toString())));
        String pane = tmux.display("work:", "#{pane_id}").strip();
        tmux.tmux("send-keys", "-t", pane, "claude --model opus 'write the tests'", "Enter");
        Poll.until(10_000, () -> read(log).contains("START claude"), "the agent started", () -> read(log));
        Poll.until(
                15_000,
                () -> find(home.resolve("run"), "daemon.sock") != null,
                "the daemon",
                () -> TestFiles.listing(home));
        Path socket = find(home.resolve("run"), "daemon.sock");
        Poll.until(
                10_000,
                () -> {
                    try (ApiClient api = new ApiClient(socket)) {
                        api.post(
                                "/agent-event",
                                "{\"agent\":\"claude\",\"status\":\"idle\",\"pane\":\"" + pane
                                        + "\",\"thread\":\"sess-resurrect-7\"}");
                    } catch (java.io.IOException e) {
                        return false;
                    }
                    Path memory = find(home.resolve("state"), "agents.json");
                    return memory != null && read(memory).contains("sess-resurrect-7");
                },
                "the agent remembered with its id",
                () -> TestFiles.listing(home));

        tmux.tmux("run-shell", "bash '" + resurrect.resolve("scripts/save.sh") + "'");
        tmux.tmux("kill-server");
        Poll.until(5_000, () -> !tmux.alive(), "the server gone", () -> "");
        Files.deleteIfExists(tmux.socket);
        DaemonLocks.pids(home.resolve("run")).forEach(DaemonLocks::awaitExit);

        TmuxServer again = cleanup.track(new TmuxServer(label, conf, List.of()));
        again.tmux("run-shell", "bash '" + resurrect.resolve("scripts/restore.sh") + "'");
        Poll.until(
                20_000,
                () -> read(log).contains("[--resume] [sess-resurrect-7]"),
                "the agent back, resumed",
                () -> read(log) + again.describe() + TestFiles.listing(home));
        String panes = again.tmux(
                "list-panes",
                "-a",
                "-F",
                "#{?@muxbar-sidebar,,#{session_name} #{pane_current_path} #{pane_current_command}}");
        Poll.until(
                5_000,
                () -> again.tmux(
                                "list-panes",
                                "-a",
                                "-F",
                                "#{?@muxbar-sidebar,,#{session_name} #{pane_current_command}}")
                        .lines()
                        .filter(l -> !l.isBlank())
                        .toList()
                        .equals(List.of("work claude")),
                "in the restored pane, the only one",
                () -> panes + again.describe());
        assertEquals(
                1,
                read(log)
                        .lines()
                        .filter(l -> l.contains("[--resume] [sess-resurrect-7]"))
                        .count(),
                "once: " + read(log));
        assertTrue(read(log).contains("cwd=" + project), read(log));
    }
}
