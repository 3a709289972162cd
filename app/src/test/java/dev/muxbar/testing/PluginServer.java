package dev.muxbar.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A private tmux server with the plugin loaded the way a user loads it ({@code run-shell muxbar.tmux}),
 * its state and runtime dirs in a temp dir of its own. {@link #close} stops its daemon by pid, kills
 * the server and removes the temp dir.
 */
public final class PluginServer implements AutoCloseable {

    public final TmuxServer tmux;
    private final Path home;

    private PluginServer(TmuxServer tmux, Path home) {
        this.tmux = tmux;
        this.home = home;
    }

    /** A server with these sessions (160×40), not loaded yet. */
    public static PluginServer create(String first, String... more) throws IOException {
        TmuxServer s = new TmuxServer(first);
        for (String name : more) {
            s.tmux("new-session", "-d", "-s", name, "-x", "160", "-y", "40");
        }
        // Short: daemon.sock must stay under the 108-byte Unix socket path limit.
        Path home = Files.createTempDirectory(Path.of("/tmp"), "mx");
        s.tmux("set-environment", "-g", "XDG_STATE_HOME", home.resolve("state").toString());
        s.tmux("set-environment", "-g", "XDG_RUNTIME_DIR", home.resolve("run").toString());
        return new PluginServer(s, home);
    }

    public static Path root() {
        return Path.of(System.getProperty("muxbar.root")).toAbsolutePath().normalize();
    }

    /** Loads the plugin and waits for the daemon with native bindings. */
    public PluginServer load() {
        return load(root());
    }

    /** The same from a checkout at {@code root} (run-shell's command is sh, after tmux's formats). */
    public PluginServer load(Path root) {
        tmux.tmux(
                "run-shell",
                dev.muxbar.tmux.TmuxQuote.sh(root.resolve("muxbar.tmux").toString())
                        .replace("#", "##"));
        Poll.until(
                15_000,
                () -> daemonPid() > 0
                        && tmux.tmux("list-keys", "-T", "root", "M-1").contains("switch-client"),
                "daemon up with native bindings",
                this::diagnostics);
        return this;
    }

    /** This server's private directory (state and runtime dirs live under it). */
    public Path home() {
        return home;
    }

    public Path runtimeDir() {
        String env = tmux.tmux("show-environment", "-g", "MUXBAR_RUNTIME_DIR").trim();
        return Path.of(env.substring(env.indexOf('=') + 1));
    }

    /** The running daemon's pid, or -1. */
    public long daemonPid() {
        try {
            Path dir = runtimeDir();
            if (!Files.exists(dir.resolve("daemon.sock"))) {
                return -1;
            }
            long pid = Long.parseLong(
                    Files.readString(dir.resolve("daemon.lock")).trim().split(" ")[0]);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    public void stopDaemon() {
        DaemonLocks.stop(daemonPid());
    }

    /** The session a real client is in ({@code list-clients}), or "(not attached)". */
    public String sessionOf(NestedClient c) {
        return tmux.tmux("list-clients", "-F", "#{client_name} #{session_name}")
                .lines()
                .filter(l -> l.startsWith(c.clientName() + " "))
                .map(l -> l.substring(l.indexOf(' ') + 1))
                .findFirst()
                .orElse("(not attached)");
    }

    /** The daemon's control client: "name session_name", or "" when none is attached. */
    public String controlClient() {
        return tmux.tmux("list-clients", "-F", "#{client_control_mode} #{client_name} #{session_name}")
                .lines()
                .filter(l -> l.startsWith("1 "))
                .map(l -> l.substring(2))
                .findFirst()
                .orElse("");
    }

    /** {@code curl --unix-socket daemon.sock -X POST http://muxbar/PATH}; fails the test on an HTTP error. */
    public String post(String path, String body) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                "curl",
                "-s",
                "-f",
                "-X",
                "POST",
                "--unix-socket",
                runtimeDir().resolve("daemon.sock").toString()));
        if (body != null) {
            cmd.addAll(List.of("--data-binary", body));
        }
        cmd.add("http://muxbar" + path);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new AssertionError("POST " + path + " failed: " + out + "\n" + diagnostics());
        }
        return out;
    }

    /** Keys, sessions, clients, the runtime dir's files, hooks and the daemon's log: for failure messages. */
    public String diagnostics() {
        String keys = tmux.tmux("list-keys", "-T", "root")
                .lines()
                .filter(l -> l.contains(" M-"))
                .reduce("", (a, b) -> a + b + "\n");
        String log;
        try (var files = Files.list(runtimeDir())) {
            Path dir = runtimeDir();
            log = "--- runtime dir " + dir + ": "
                    + files.map(f -> f.getFileName().toString()).toList() + "\n"
                    + "--- order\n" + read(dir.resolve("order"))
                    + "--- daemon.out\n" + read(dir.resolve("daemon.out"))
                    + "--- daemon.lock: " + read(dir.resolve("daemon.lock"))
                    + "--- hooks\n" + tmux.tmux("show-hooks", "-g")
                    + "--- daemon.log\n" + read(dir.resolve("daemon.log"));
        } catch (Exception e) {
            log = "(no runtime dir: " + e + ")";
        }
        return keys + tmux.describe() + log;
    }

    private static String read(Path f) throws IOException {
        return Files.exists(f) ? Files.readString(f) : "(none)\n";
    }

    @Override
    public void close() {
        try {
            stopDaemon();
        } finally {
            tmux.close();
            try {
                TestFiles.deleteTree(home);
            } catch (IOException e) {
                // a temp dir left behind
            }
        }
    }
}
