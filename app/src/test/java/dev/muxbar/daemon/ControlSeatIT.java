package dev.muxbar.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.NestedClient;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's control client is counted by tmux in session_attached: it must sit where nobody is,
 * so the session a user is in shows that user alone (oh-my-tmux's "paired" mark, tmux ls).
 */
class ControlSeatIT {

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();

    @AfterEach
    void stop() {
        cleanup.close();
    }

    /** "name=clients …", or what tmux said instead (a server that went away): a poll prints it with the daemon's log. */
    private static String attached(TmuxServer tmux) {
        try {
            return String.join(
                    " ",
                    tmux.tmux("list-sessions", "-F", "#{session_name}=#{session_attached}")
                            .lines()
                            .toList());
        } catch (IllegalStateException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    @Test
    void theSessionAUserIsInCountsThatUserAlone() throws Exception {
        TmuxServer tmux = cleanup.track(new TmuxServer("alpha"));
        for (String s : List.of("beta", "gamma")) {
            tmux.tmux("new-session", "-d", "-s", s, "-x", "160", "-y", "40");
        }
        DaemonProcess daemon = cleanup.track(DaemonProcess.start(tmux, tmp.resolve("run"), tmp.resolve("state")))
                .awaitReady();
        NestedClient user = cleanup.track(new NestedClient(tmux, "alpha"));
        for (String to : List.of("beta", "gamma", "alpha", "gamma")) {
            tmux.tmux("switch-client", "-c", user.clientName(), "-t", to);
            Poll.until(
                    5_000,
                    () -> tmux.display(to + ":", "#{session_attached}").equals("1")
                            && attached(tmux).chars().filter(c -> c == '=').count() == 3
                            && attached(tmux).split("=1", -1).length == 3,
                    "the user alone in " + to + ", the daemon in one other session",
                    () -> attached(tmux) + "\n" + tmux.describe() + daemon.diagnostics());
        }
    }

    /** What remains visible: with one session the daemon has nowhere else to be. */
    @Test
    void withOneSessionItCountsThere() throws Exception {
        TmuxServer tmux = cleanup.track(new TmuxServer("alpha"));
        DaemonProcess daemon = cleanup.track(DaemonProcess.start(tmux, tmp.resolve("run"), tmp.resolve("state")))
                .awaitReady();
        cleanup.track(new NestedClient(tmux, "alpha"));
        tmux.tmux("new-session", "-d", "-s", "beta", "-x", "160", "-y", "40");
        Poll.until(
                5_000,
                () -> attached(tmux).equals("alpha=1 beta=1"),
                "a second session frees alpha",
                () -> attached(tmux) + "\n" + daemon.diagnostics());
        tmux.tmux("kill-session", "-t", "beta");
        Poll.until(
                5_000,
                () -> attached(tmux).equals("alpha=2"),
                "back with the user: the only session",
                () -> attached(tmux) + "\n" + daemon.diagnostics());
    }
    /**
     * Killing the session the control client sits in never takes the tmux server down. tmux 3.3a
     * crashes when a session-wide subscription ({@code refresh-client -B}) is checked (once a second)
     * after the client's session is gone but before the client has left; a stopped client holds that
     * state open, so with such a subscription the server died every time here (6 of 6 by hand).
     */
    @Test
    void killingTheControlClientsSessionLeavesTheServerRunning() throws Exception {
        TmuxServer tmux = cleanup.track(new TmuxServer("alpha"));
        tmux.tmux("new-session", "-d", "-s", "beta", "-x", "160", "-y", "40");
        DaemonProcess daemon = cleanup.track(DaemonProcess.start(tmux, tmp.resolve("run"), tmp.resolve("state")))
                .awaitReady();
        String[] control = new String[1];
        Poll.until(
                5_000,
                () -> {
                    control[0] = tmux.tmux("list-clients", "-F", "#{client_control_mode} #{client_pid} #{session_name}")
                            .lines()
                            .filter(l -> l.startsWith("1 "))
                            .findFirst()
                            .orElse(null);
                    return control[0] != null;
                },
                "the daemon's control client",
                () -> tmux.describe() + daemon.diagnostics());
        String pid = control[0].split(" ")[1];
        String session = control[0].split(" ", 3)[2];
        run("kill", "-STOP", pid); // still there when its session goes, as a busy client would be
        try {
            tmux.tmux("kill-session", "-t", "=" + session);
            long until = System.nanoTime() + 2_500_000_000L; // tmux checks subscriptions once a second
            while (System.nanoTime() < until) {
                assertTrue(
                        tmux.describe().startsWith("list-sessions"),
                        "the tmux server died after kill-session " + session + "\n" + daemon.diagnostics());
                Thread.sleep(100);
            }
        } finally {
            run("kill", "-CONT", pid);
        }
        Poll.until(
                10_000,
                () -> daemon.diagnostics().contains("re-attached"),
                "the daemon back in a session",
                () -> tmux.describe() + daemon.diagnostics());
    }

    private static void run(String... argv) throws Exception {
        assertTrue(new ProcessBuilder(argv).inheritIO().start().waitFor() == 0, String.join(" ", argv));
    }
}
