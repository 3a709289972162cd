package dev.muxbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.muxbar.testing.DaemonLocks;
import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TestFiles;
import dev.muxbar.testing.TmuxServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * First start of a plugin checkout that pins a release jar (tmux-plugin/jar.sha256) and has none:
 * the plugin downloads it from {@code @muxbar-download-url} (here a server on 127.0.0.1), verifies
 * it, and starts the daemon from it; a download with the wrong checksum is refused and nothing is
 * installed. The checkout is a copy of this one's plugin and scripts, without app/.
 */
class InstallIT {

    private final Teardown cleanup = new Teardown();
    private final Path root =
            Path.of(System.getProperty("muxbar.root", ".")).toAbsolutePath().normalize();

    @AfterEach
    void stop() {
        cleanup.close();
    }

    private record Setup(Path plugin, Path home, TmuxServer tmux, AtomicInteger requests) {}

    private Setup setup(String pinnedSha) throws Exception {
        Path home = Files.createTempDirectory(Path.of("/tmp"), "mxi"); // short: the daemon's socket path
        cleanup.track(() -> TestFiles.deleteTree(home));
        // Before the dir goes, what its scripts started ends (a build racing the delete can spin).
        cleanup.track(() -> processesUnder(home).forEach(ProcessHandle::destroyForcibly));
        Path plugin = home.resolve("plugin");
        Files.createDirectories(plugin);
        for (String part : List.of("muxbar.tmux", "tmux-plugin", "scripts", "bin")) {
            Process cp = new ProcessBuilder("cp", "-a", root.resolve(part).toString(), plugin.toString()).start();
            assertEquals(0, cp.waitFor());
        }
        byte[] jar = Files.readAllBytes(DaemonProcess.jar());
        String sha = pinnedSha != null
                ? pinnedSha
                : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar));
        Files.writeString(plugin.resolve("tmux-plugin/jar.sha256"), sha + "  muxbar-9.9.9.jar\n");
        AtomicInteger requests = new AtomicInteger();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/releases/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            boolean ours = path.equals("/releases/v9.9.9/muxbar-9.9.9.jar")
                    || path.equals("/releases/v9.9.10/muxbar-9.9.10.jar");
            exchange.sendResponseHeaders(ours ? 200 : 404, ours ? jar.length : -1);
            if (ours) {
                exchange.getResponseBody().write(jar);
            }
            exchange.close();
        });
        http.start();
        cleanup.track(() -> http.stop(0));
        TmuxServer tmux = cleanup.track(new TmuxServer("work"));
        tmux.tmux(
                "set-environment", "-g", "XDG_RUNTIME_DIR", home.resolve("run").toString());
        tmux.tmux(
                "set-environment", "-g", "XDG_STATE_HOME", home.resolve("state").toString());
        tmux.tmux(
                "set-option",
                "-g",
                "@muxbar-download-url",
                "http://127.0.0.1:" + http.getAddress().getPort() + "/releases/v{version}/{file}");
        cleanup.track(() -> stopDaemon(home));
        tmux.tmux("run-shell", plugin.resolve("muxbar.tmux").toString());
        return new Setup(plugin, home, tmux, requests);
    }

    @Test
    void thePinnedJarIsFetchedVerifiedAndRun() throws Exception {
        Setup s = setup(null);
        Path jar = s.plugin().resolve("app/target/muxbar.jar");
        Poll.until(
                30_000,
                () -> Files.exists(jar)
                        && !s.tmux()
                                .tmux("list-panes", "-a", "-F", "#{@muxbar-sidebar}")
                                .isBlank(),
                "jar installed, daemon up, a sidebar drawn",
                () -> TestFiles.read(s.plugin().resolve("app/target/install.log")) + TestFiles.listing(s.home()));
        assertEquals(Files.size(DaemonProcess.jar()), Files.size(jar));
        assertTrue(TestFiles.read(s.plugin().resolve("app/target/install.log"))
                .contains("muxbar-9.9.9.jar verified and installed"));
        assertEquals(1, s.requests().get(), "one download");
        long first = daemonPid(s.home());

        // A TPM update to the next release: the pin changes; loading the plugin fetches that jar and
        // replaces the daemon.
        String sha =
                Files.readString(s.plugin().resolve("tmux-plugin/jar.sha256")).split(" ")[0];
        Files.writeString(s.plugin().resolve("tmux-plugin/jar.sha256"), sha + "  muxbar-9.9.10.jar\n");
        s.tmux().tmux("run-shell", s.plugin().resolve("muxbar.tmux").toString());
        Poll.until(
                30_000,
                () -> TestFiles.read(s.plugin().resolve("app/target/install.log"))
                                .contains("muxbar-9.9.10.jar verified")
                        && daemonPid(s.home()) > 0
                        && daemonPid(s.home()) != first,
                "the new release fetched and a new daemon running it",
                () -> TestFiles.read(s.plugin().resolve("app/target/install.log")));
        assertEquals(2, s.requests().get(), "one more download");
        Poll.until(
                5_000,
                () -> sidebars(s.tmux()) == 1,
                "one sidebar, re-adopted",
                () -> String.valueOf(sidebars(s.tmux())));
    }

    private static long sidebars(TmuxServer t) {
        return t.tmux("list-panes", "-a", "-F", "#{@muxbar-sidebar}")
                .lines()
                .filter(l -> !l.isBlank())
                .count();
    }

    /** The pid in this home's daemon.lock if that process runs (not a zombie), else -1. */
    private static long daemonPid(Path home) {
        return DaemonLocks.pids(home.resolve("run")).stream()
                .filter(DaemonLocks::running)
                .findFirst()
                .orElse(-1L);
    }

    @Test
    void aDownloadWithTheWrongChecksumIsRefused() throws Exception {
        Setup s = setup("0".repeat(64));
        Path log = s.plugin().resolve("app/target/install.log");
        Poll.until(
                30_000,
                () -> TestFiles.read(log).contains("has the wrong SHA-256")
                        && TestFiles.read(log).contains("refused, nothing installed"),
                "refused",
                () -> TestFiles.read(log) + TestFiles.listing(s.home()));
        // It falls back to building (which fails here: the copy has no sources); wait for that to end.
        Poll.until(
                60_000,
                () -> processesUnder(s.home()).isEmpty(),
                "the fallback build ended",
                () -> processesUnder(s.home()) + " still run from " + s.home());
        assertFalse(Files.exists(s.plugin().resolve("app/target/muxbar.jar")), "nothing installed");
        try (var left = Files.list(s.plugin().resolve("app/target"))) {
            assertEquals(
                    List.of("install.log"),
                    left.map(p -> p.getFileName().toString()).toList(),
                    "no partial download left");
        }
    }

    /** Processes whose command line names {@code home} (what the copied plugin's scripts started). */
    private static List<ProcessHandle> processesUnder(Path home) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(home.toString()))
                .toList();
    }

    /** Stops a daemon this test's plugin started (by the pid in its lock), if any. */
    private static void stopDaemon(Path home) {
        DaemonLocks.pids(home.resolve("run")).forEach(DaemonLocks::stop);
    }
}
