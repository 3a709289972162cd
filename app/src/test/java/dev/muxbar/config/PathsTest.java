package dev.muxbar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathsTest {

    @Test
    void keyIsTheSanitisedSocketPath() {
        assertEquals("tmp_tmux-0_default", Paths.key("/tmp/tmux-0/default"));
        assertEquals("tmp_tmux-0_a_b_c", Paths.key("/tmp/tmux-0/a b$c"));
        assertEquals("tmp_x___", Paths.key("/tmp/x/é"), "one _ per byte");
    }

    @Test
    void longKeysAreHashedAndShort() {
        String sock = "/home/someone/with/a/really/long/path/to/sockets/tmux-1000/my-named-server";
        String k = Paths.key(sock);
        assertTrue(k.startsWith("h" + Cksum.of(sock) + "-"), k);
        assertTrue(k.length() <= Paths.MAX_KEY, k);
        assertTrue(k.endsWith("tmux-1000_my-named-server"), k);
    }

    @Test
    void runtimeDirPrecedence() {
        Path sock = Path.of("/tmp/tmux-0/default");
        assertEquals(
                Path.of("/x/rt"),
                Paths.of(Map.of("MUXBAR_RUNTIME_DIR", "/x/rt", "XDG_RUNTIME_DIR", "/run"), 0, sock)
                        .runtimeDir());
        assertEquals(
                Path.of("/run/user/5/muxbar-5/tmp_tmux-0_default"),
                Paths.of(Map.of("XDG_RUNTIME_DIR", "/run/user/5", "TMPDIR", "/t"), 5, sock)
                        .runtimeDir());
        assertEquals(
                Path.of("/t/muxbar-5/tmp_tmux-0_default"),
                Paths.of(Map.of("TMPDIR", "/t"), 5, sock).runtimeDir());
        assertEquals(
                Path.of("/tmp/muxbar-5/tmp_tmux-0_default"),
                Paths.of(Map.of(), 5, sock).runtimeDir());
        assertEquals(
                Path.of("/h/.local/state/muxbar/tmp_tmux-0_default"),
                Paths.of(Map.of("HOME", "/h"), 5, sock).stateDir());
        assertEquals(
                Path.of("/s/muxbar/tmp_tmux-0_default"),
                Paths.of(Map.of("XDG_STATE_HOME", "/s"), 5, sock).stateDir());
    }

    @Test
    void runtimeDirIsPrivate(@TempDir Path tmp) throws Exception {
        Paths p = Paths.of(Map.of("XDG_RUNTIME_DIR", tmp.toString()), 7, Path.of("/tmp/tmux-7/x"));
        p.createRuntimeDir();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p.runtimeDir())));
        assertEquals(
                "rwx------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(p.runtimeDir().getParent())));
    }

    @Test
    void aRuntimeDirOfAnotherUidIsRefusedAndLeftAsItIs(@TempDir Path tmp) throws Exception {
        long me = Uid.real();
        Paths p = Paths.of(Map.of("XDG_RUNTIME_DIR", tmp.toString()), me + 1, Path.of("/tmp/tmux-7/x"));
        Path planted = p.runtimeDir().getParent();
        Files.createDirectory(
                planted, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));
        // The dir belongs to "me"; the daemon runs as uid me+1: to it, the dir is another user's.
        PrivateDir.UnsafeException e = assertThrows(PrivateDir.UnsafeException.class, () -> p.createRuntimeDir(me + 1));
        assertTrue(e.getMessage().contains("belongs to uid " + me + ", not to you"), e.getMessage());
        assertEquals(
                "rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(planted)), "not chmod-ed");
        assertFalse(Files.exists(p.runtimeDir()), "nothing made inside it");
    }

    @Test
    void aSymlinkInPlaceOfTheRuntimeDirIsRefused(@TempDir Path tmp) throws Exception {
        long me = Uid.real();
        Paths p = Paths.of(Map.of("XDG_RUNTIME_DIR", tmp.toString()), me, Path.of("/tmp/tmux-7/x"));
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(p.runtimeDir().getParent(), elsewhere);
        PrivateDir.UnsafeException e = assertThrows(PrivateDir.UnsafeException.class, () -> p.createRuntimeDir(me));
        assertTrue(e.getMessage().contains("is a symlink"), e.getMessage());
        try (var listing = Files.list(elsewhere)) {
            assertEquals(0, listing.count(), "nothing made through the link");
        }
    }

    @Test
    void aRuntimeDirOfOursWithWideModeIsNarrowed(@TempDir Path tmp) throws Exception {
        long me = Uid.real();
        Path dir = tmp.resolve("rt");
        Files.createDirectory(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Paths.of(Map.of("MUXBAR_RUNTIME_DIR", dir.toString()), me, Path.of("/tmp/tmux-7/x"))
                .createRuntimeDir(me);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void realUidComesFromTheKernelNotThePasswdFile(@TempDir Path tmp) throws Exception {
        Path status = tmp.resolve("status");
        Files.writeString(status, "Name:\tjava\nUid:\t54321\t54321\t54321\t54321\nGid:\t0\t0\t0\t0\n");
        assertEquals(54321, Uid.fromProc(status));
        assertEquals(-1, Uid.fromProc(tmp.resolve("missing")));
    }

    @Test
    void agentDirsFollowTheAgentsOwnVariablesAndHome() {
        AgentDirs d = AgentDirs.of(Map.of("HOME", "/tmp/x"));
        assertEquals(Path.of("/tmp/x/.claude/settings.json"), d.claudeSettings(), "HOME, not the passwd entry");
        assertEquals(Path.of("/tmp/x/.codex/sessions"), d.codexSessions());
        AgentDirs e = AgentDirs.of(Map.of("HOME", "/tmp/x", "CLAUDE_CONFIG_DIR", "/c", "CODEX_HOME", "/k"));
        assertEquals(Path.of("/c/settings.json"), e.claudeSettings());
        assertEquals(Path.of("/c/projects"), e.claudeProjects());
        assertEquals(Path.of("/k/config.toml"), e.codexConfig());
        assertEquals(
                Path.of(System.getProperty("user.home"), ".claude"),
                AgentDirs.of(Map.of()).claude());
    }
}
