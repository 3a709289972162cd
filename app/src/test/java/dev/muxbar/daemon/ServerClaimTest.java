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
            if (args.get(0).equals("set-environment")) {
                runtimeDir = args.get(3);
                return List.of();
            }
            String test = args.get(2);
            String expected = unescape(test.substring("#{==:#{@muxbar-daemon},".length(), test.length() - 1));
            if (claim.equals(expected)) {
                String cmd = args.get(3);
                claim = cmd.startsWith("set-option -gu") ? "" : cmd.substring(cmd.indexOf('\'') + 1, cmd.length() - 1)
                        .replace("'\\''", "'");
            }
            return args.size() > 4 ? List.of(claim) : List.of();
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
}
