package dev.muxbar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.muxbar.testing.DaemonLocks;
import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TestFiles;
import dev.muxbar.testing.TmuxServer;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plays another local user against muxbar (issue: runtime dir planted in a shared /tmp, code run
 * from a repository, a uid without a passwd entry). The other user is uid {@link #OTHER}, which has
 * no passwd entry; files are given to it with chown, processes run as it with setpriv(1). Needs
 * root (CI runs as root); skipped otherwise.
 */
class SecurityIT {

    static final int OTHER = 54321;

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();
    private final Path root =
            Path.of(System.getProperty("muxbar.root", ".")).toAbsolutePath().normalize();

    @AfterEach
    void tearDown() {
        cleanup.close();
    }

    private static boolean root() {
        return Uid.real() == 0 && Files.isExecutable(Path.of("/usr/bin/setpriv"));
    }

    private static void chown(Path p, int uid) throws IOException {
        Files.setAttribute(p, "unix:uid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** A shared sticky dir like /tmp, with the other user's muxbar-0 in it (mode 0777), as they would plant it. */
    private Path plantedBase() throws IOException {
        Path base = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path planted = Files.createDirectory(base.resolve("muxbar-" + Uid.real()));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));
        chown(planted, OTHER);
        return base;
    }

    private record Run(int exit, String output) {}

    private static Run run(Map<String, String> env, List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("TMUX");
        pb.environment().remove("MUXBAR_RUNTIME_DIR");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "finished: " + cmd);
        return new Run(p.exitValue(), out);
    }

    @Test
    void theDaemonRefusesARuntimeDirPlantedByAnotherUser() throws Exception {
        assumeTrue(root(), "needs root to play another uid");
        Path base = plantedBase();
        TmuxServer tmux = cleanup.track(new TmuxServer("s"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                DaemonProcess.jar().toString(),
                "server",
                "--foreground",
                "-L",
                tmux.label));
        Run r = run(
                Map.of(
                        "XDG_RUNTIME_DIR",
                        base.toString(),
                        "XDG_STATE_HOME",
                        tmp.resolve("state").toString()),
                cmd);
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("belongs to uid " + OTHER + ", not to you"), r.output());
        assertFalse(r.output().contains("\tat "), "one line, no stack trace: " + r.output());
        try (var inside = Files.list(base.resolve("muxbar-" + Uid.real()))) {
            assertEquals(0, inside.count(), "nothing made in the other user's dir");
        }
        assertEquals(
                "rwxrwxrwx",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(base.resolve("muxbar-" + Uid.real()))),
                "not chmod-ed");
        // 'muxbar server' (which starts the daemon in the background) says the same in one line.
        cmd.remove("--foreground");
        Run cli = run(Map.of("XDG_RUNTIME_DIR", base.toString()), cmd);
        assertTrue(
                cli.output().contains("belongs to uid " + OTHER)
                        && !cli.output().contains("\tat "),
                cli.output());
    }

    /** The hook script would hand prompts to whoever owns the socket: it must not send to theirs. */
    @Test
    void theHookSendsNothingToASocketInAnotherUsersDir() throws Exception {
        assumeTrue(root(), "needs root to play another uid");
        Path base = plantedBase();
        Path theirs = Files.createDirectory(base.resolve("muxbar-" + Uid.real()).resolve("tmp_tmux-0_x"));
        chown(theirs, OTHER);
        Path sock = theirs.resolve("daemon.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            chown(sock, OTHER);
            server.configureBlocking(false);
            String hook = root.resolve("scripts/muxbar-hook").toString();
            // Both ways the hook finds a daemon: MUXBAR_RUNTIME_DIR, and every socket of the user's.
            run(Map.of("MUXBAR_RUNTIME_DIR", theirs.toString()), List.of(hook, "claude", "{\"prompt\":\"secret\"}"));
            run(Map.of("XDG_RUNTIME_DIR", base.toString()), List.of(hook, "claude", "{\"prompt\":\"secret\"}"));
            SocketChannel accepted = server.accept();
            assertEquals(null, accepted, "no connection reached the other user's socket");

            // Control: the same socket in a dir of ours does receive the payload (the test can fail).
            chown(base.resolve("muxbar-" + Uid.real()), (int) Uid.real());
            chown(theirs, (int) Uid.real());
            chown(sock, (int) Uid.real());
            Files.setPosixFilePermissions(
                    base.resolve("muxbar-" + Uid.real()), PosixFilePermissions.fromString("rwx------"));
            run(Map.of("MUXBAR_RUNTIME_DIR", theirs.toString()), List.of(hook, "claude", "{\"prompt\":\"secret\"}"));
            assertTrue(server.accept() != null, "a socket of ours is used");
        }
    }

    /** A planted order file must not steer the switch keys; a private one does. */
    @Test
    void theSwitchPathReadsNoOrderFileFromAnotherUsersDir() throws Exception {
        assumeTrue(root(), "needs root to play another uid");
        Path base = plantedBase();
        Path theirs = Files.createDirectory(base.resolve("muxbar-" + Uid.real()).resolve("key"));
        Files.writeString(theirs.resolve("order"), "$9\tplanted\n");
        chown(theirs.resolve("order"), OTHER);
        chown(theirs, OTHER);
        // A tmux that only records how it was called.
        Path bin = Files.createDirectory(tmp.resolve("bin"));
        Path calls = tmp.resolve("calls");
        Files.writeString(bin.resolve("tmux"), "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n");
        Files.setPosixFilePermissions(bin.resolve("tmux"), PosixFilePermissions.fromString("rwx------"));
        Map<String, String> env =
                Map.of("MUXBAR_RUNTIME_DIR", theirs.toString(), "PATH", bin + ":" + System.getenv("PATH"));
        run(env, List.of(root.resolve("scripts/switch-index").toString(), "1", "/dev/pts/9"));
        assertFalse(
                TestFiles.read(calls).contains("switch-client"),
                "no switch from a planted order: " + TestFiles.read(calls));
        try (var inside = Files.list(theirs)) {
            assertEquals(
                    List.of("order"),
                    inside.map(p -> p.getFileName().toString()).toList(),
                    "nothing written there");
        }

        // Control: the same file in a private dir of ours is obeyed.
        Path ours = Files.createDirectory(tmp.resolve("ours"));
        Files.setPosixFilePermissions(ours, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(ours.resolve("order"), "$9\tmine\n");
        run(
                Map.of("MUXBAR_RUNTIME_DIR", ours.toString(), "PATH", bin + ":" + System.getenv("PATH")),
                List.of(root.resolve("scripts/switch-index").toString(), "1", "/dev/pts/9"));
        assertTrue(TestFiles.read(calls).contains("switch-client -c /dev/pts/9 -t $9"), TestFiles.read(calls));
    }

    /**
     * A uid without a passwd entry (as containers run): the plugin (sh) and the daemon (Java) must
     * agree on the runtime dir, or the daemon's socket is where no script looks.
     */
    /** Whether another uid can run this checkout's scripts and jar (every ancestor searchable by others). */
    private boolean othersCanRunThisCheckout() throws IOException {
        for (Path p = DaemonProcess.jar().toAbsolutePath(); p != null; p = p.getParent()) {
            var perms = Files.getPosixFilePermissions(p);
            boolean ok = Files.isDirectory(p)
                    ? perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)
                    : perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Test
    void pluginAndDaemonAgreeOnTheRuntimeDirOfAUidWithoutPasswdEntry() throws Exception {
        assumeTrue(root(), "needs root to play another uid");
        assumeTrue(othersCanRunThisCheckout(), "the checkout is not readable by another uid");
        Path home = Files.createDirectory(tmp.resolve("home"));
        Path runtime = Files.createDirectory(tmp.resolve("xdg"));
        chown(home, OTHER);
        chown(runtime, OTHER);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> as = List.of("setpriv", "--reuid=" + OTHER, "--regid=" + OTHER, "--clear-groups");
        String label = "muxbar-it-nopw-" + ProcessHandle.current().pid();
        Map<String, String> env =
                Map.of("HOME", home.toString(), "XDG_RUNTIME_DIR", runtime.toString(), "TMUX_TMPDIR", home.toString());
        List<String> tmux = new ArrayList<>(as);
        tmux.addAll(List.of("tmux", "-L", label));
        cleanup.track(() -> {
            List<Long> pids = DaemonLocks.pids(runtime); // read before the daemon removes its lock
            List<String> kill = new ArrayList<>(tmux);
            kill.add("kill-server");
            run(env, kill);
            // The daemon leaves with its server and removes its files as it goes: wait for that before
            // the temp dir is deleted under it.
            pids.forEach(DaemonLocks::awaitExit);
        });
        List<String> start = new ArrayList<>(tmux);
        start.addAll(List.of("-f", "/dev/null", "new-session", "-d", "-s", "c", "-x", "120", "-y", "30"));
        assertEquals(0, run(env, start).exit());
        List<String> load = new ArrayList<>(tmux);
        load.addAll(List.of("run-shell", root.resolve("muxbar.tmux").toString()));
        run(env, load);
        List<String> show = new ArrayList<>(tmux);
        show.addAll(List.of("show-environment", "-g", "MUXBAR_RUNTIME_DIR"));
        String dir = run(env, show).output().trim().replaceFirst("^MUXBAR_RUNTIME_DIR=", "");
        assertTrue(dir.startsWith(runtime + "/muxbar-" + OTHER + "/"), "sh uses the real uid: " + dir);
        Poll.until(
                20_000,
                () -> Files.exists(Path.of(dir, "daemon.sock")),
                "the daemon's socket where the plugin looks: " + dir,
                () -> TestFiles.listing(runtime));
        assertEquals(OTHER, ((Number) Files.getAttribute(Path.of(dir, "daemon.sock"), "unix:uid")).intValue());
    }
}
