package dev.muxbar.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerClaimTest {

    /** tmux's @muxbar-daemon and MUXBAR_RUNTIME_DIR, with the one-step test-and-set the claim sends. */
    private static final class FakeServer implements ServerClaim.Tmux {
        String claim = "";
        String runtimeDir = "";
        final List<List<String>> seen = new ArrayList<>();

        @Override
        public List<String> run(List<String> args) {
            seen.add(args);
            String test = args.get(2);
            String expected = unescape(test.substring("#{==:#{@muxbar-daemon},".length(), test.length() - 1));
            if (claim.equals(expected)) {
                String cmd = args.get(3);
                if (cmd.startsWith("set-option -gu")) {
                    claim = "";
                } else {
                    String[] two = cmd.split(" ; set-environment -g MUXBAR_RUNTIME_DIR ", 2);
                    claim = unquote(two[0].substring("set-option -g @muxbar-daemon ".length()));
                    runtimeDir = unquote(two[1]);
                }
            }
            return args.size() > 4 ? List.of(claim) : List.of();
        }

        private static String unquote(String s) {
            return s.substring(1, s.length() - 1).replace("'\\''", "'");
        }

        private static String unescape(String s) {
            return s.replace("#,", ",").replace("#}", "}").replace("##", "#");
        }
    }

    private static final String ME = ProcessHandle.current().pid() + " - /run/it's,#{here}";

    @Test
    void anUnclaimedServerIsTakenAndItsRuntimeDirAnnounced() throws Exception {
        FakeServer tmux = new FakeServer();
        assertEquals(Optional.empty(), ServerClaim.take(tmux, ME));
        assertEquals(ME, tmux.claim);
        assertEquals("/run/it's,#{here}", tmux.runtimeDir);
        ServerClaim.release(tmux, ME);
        assertEquals("", tmux.claim);
    }

    @Test
    void aLiveDaemonsClaimIsRefusedAndADeadOnesTakenOver() throws Exception {
        FakeServer tmux = new FakeServer();
        long parent = ProcessHandle.current().parent().orElseThrow().pid(); // alive, and not us
        tmux.claim = parent + " - /elsewhere";
        assertEquals(Optional.of(parent + " - /elsewhere"), ServerClaim.take(tmux, ME));
        assertEquals(parent + " - /elsewhere", tmux.claim, "left as it was");
        tmux.claim = "999999999 123 /dead";
        assertEquals(Optional.empty(), ServerClaim.take(tmux, ME));
        assertEquals(ME, tmux.claim);
    }

    @Test
    void releaseLeavesAnotherDaemonsClaim() {
        FakeServer tmux = new FakeServer();
        tmux.claim = "1 - /other";
        ServerClaim.release(tmux, ME);
        assertEquals("1 - /other", tmux.claim);
    }

    @Test
    void aClaimRunsOnlyWithItsPidAndStartTime() {
        assertTrue(ServerClaim.running(ServerClaim.mine(java.nio.file.Path.of("/x"))));
        String mine = ServerClaim.mine(java.nio.file.Path.of("/x"));
        String[] f = mine.split(" ", 3);
        if (!f[1].equals("-")) {
            assertFalse(ServerClaim.running(f[0] + " 1 /x"), "same pid, another start time: a reused pid");
        }
        assertFalse(ServerClaim.running("junk"));
        assertFalse(ServerClaim.running(""));
    }

    /** A daemon killed with kill -9 is a zombie until reaped: its replacement, started then, must not wait on it. */
    @Test
    void aZombieIsNotADaemon() {
        String alive = "4242 (java) S 1 4242 4242 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 30 0 777 1 1";
        String zombie = alive.replace(") S ", ") Z ");
        assertTrue(ServerClaim.running("4242 777 /run/x", pid -> Optional.of(alive)));
        assertFalse(ServerClaim.running("4242 777 /run/x", pid -> Optional.of(zombie)));
        assertFalse(
                ServerClaim.running("4242 778 /run/x", pid -> Optional.of(alive)), "another start: the pid was reused");
        assertFalse(ServerClaim.running("4242 777 /run/x", pid -> Optional.empty()), "no such process");
    }
}
