package dev.muxbar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(Path.of("/x/rt"), Paths.of(Map.of("MUXBAR_RUNTIME_DIR", "/x/rt", "XDG_RUNTIME_DIR", "/run"), 0, sock).runtimeDir());
        assertEquals(Path.of("/run/user/5/muxbar-5/tmp_tmux-0_default"),
                Paths.of(Map.of("XDG_RUNTIME_DIR", "/run/user/5", "TMPDIR", "/t"), 5, sock).runtimeDir());
        assertEquals(Path.of("/t/muxbar-5/tmp_tmux-0_default"), Paths.of(Map.of("TMPDIR", "/t"), 5, sock).runtimeDir());
        assertEquals(Path.of("/tmp/muxbar-5/tmp_tmux-0_default"), Paths.of(Map.of(), 5, sock).runtimeDir());
        assertEquals(Path.of("/h/.local/state/muxbar/tmp_tmux-0_default"), Paths.of(Map.of("HOME", "/h"), 5, sock).stateDir());
        assertEquals(Path.of("/s/muxbar/tmp_tmux-0_default"), Paths.of(Map.of("XDG_STATE_HOME", "/s"), 5, sock).stateDir());
    }

    @Test
    void runtimeDirIsPrivate(@TempDir Path tmp) throws Exception {
        Paths p = Paths.of(Map.of("XDG_RUNTIME_DIR", tmp.toString()), 7, Path.of("/tmp/tmux-7/x"));
        p.createRuntimeDir();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p.runtimeDir())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p.runtimeDir().getParent())));
    }
}
