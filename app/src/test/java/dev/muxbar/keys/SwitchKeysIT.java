package dev.muxbar.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.muxbar.testing.NestedClient;
import dev.muxbar.testing.PluginServer;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Strace;
import dev.muxbar.testing.Teardown;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switch keys pressed one by one, as a person presses them, with three sessions and the plugin
 * loaded from a config. After every press the client is on the key's session, tmux's idea of the
 * current session (what {@code tmux display -p '#S'} from a script outside tmux reads) is that same
 * session, and the session counts the user alone. Before the control client moved out of a session
 * ahead of the user's switch, it moved after it, so the session the user had left became tmux's
 * most recent one until the user's next key: read from outside, each switch looked one press late.
 */
class SwitchKeysIT {

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();

    @AfterEach
    void stop() {
        cleanup.close();
    }

    @Test
    void eachPressLandsAndLeavesTheUsersSessionCurrent() throws Exception {
        PluginServer p =
                cleanup.track(PluginServer.create("work", "notes", "build")).load();
        NestedClient c = cleanup.track(new NestedClient(p.tmux, "work"));
        List<String> names = List.of("work", "notes", "build");
        for (int round = 0; round < 3; round++) {
            for (int k = 1; k <= 3; k++) {
                String to = names.get(k - 1);
                awaitSettled(p);
                c.press("M-" + k);
                Poll.until(
                        2_000,
                        () -> p.sessionOf(c).equals(to),
                        "M-" + k + " puts the client on " + to,
                        () -> "client on " + p.sessionOf(c) + "\n" + p.diagnostics());
                awaitSettled(p);
                String current =
                        p.tmux.tmux("display-message", "-p", "#{session_name}").trim();
                assertEquals(
                        to,
                        current,
                        "tmux's current session after M-" + k + " (control client: " + p.controlClient() + ")\n"
                                + p.diagnostics());
                assertEquals(
                        "1",
                        p.tmux.display(to + ":", "#{session_attached}"),
                        "the user alone in " + to + "\n" + p.diagnostics());
            }
        }
    }

    /**
     * A switch costs what tmux itself costs: while the daemon lives, the plugin's hook on
     * {@code client-session-changed} starts nothing (a run-shell forks the tmux server). Before, it
     * ran {@code ensure-daemon} on every switch, and on every move of the daemon's control client.
     * Positive control: with the daemon gone, the same key brings it back through that hook.
     */
    @Test
    void aSwitchStartsNoProcessWhileTheDaemonLives() throws Exception {
        PluginServer p =
                cleanup.track(PluginServer.create("work", "notes", "build")).load();
        NestedClient c = cleanup.track(new NestedClient(p.tmux, "work"));
        long server =
                Long.parseLong(p.tmux.tmux("display-message", "-p", "#{pid}").trim());
        List<String> names = List.of("work", "notes", "build");
        awaitSettled(p);
        Strace strace = cleanup.track(Strace.execs(server, tmp.resolve("switch.strace")));
        for (int k : new int[] {2, 3, 1, 3, 2, 1}) {
            String to = names.get(k - 1);
            c.press("M-" + k);
            Poll.until(2_000, () -> p.sessionOf(c).equals(to), "M-" + k + " puts the client on " + to, p::diagnostics);
            awaitSettled(p);
        }
        List<String> started = strace.stop();
        assertEquals(List.of(), started, "programs the tmux server started during six switches\n" + p.diagnostics());

        p.tmux.tmux("set-option", "-g", "@muxbar-stopped", "1"); // no revival by the client-detached hook
        long dead = p.daemonPid();
        ProcessHandle.of(dead).orElseThrow().destroyForcibly();
        Poll.until(5_000, () -> p.controlClient().isEmpty(), "the dead daemon's control client gone", p::diagnostics);
        c.press("M-2");
        Poll.until(
                15_000,
                () -> p.daemonPid() > 0 && p.daemonPid() != dead,
                "the switch's hook revives the daemon",
                p::diagnostics);
    }

    /**
     * The daemon has caught up: its control client sits where no user is, and the switch key of that
     * session moves it out first (the binding changes whenever the control client moves). A build
     * without such bindings waits 2 s here and then meets the assertions on the session instead.
     */
    private static void awaitSettled(PluginServer p) throws InterruptedException {
        String[] control = new String[1];
        Poll.until(
                3_000,
                () -> {
                    control[0] = p.controlClient();
                    String[] f = control[0].split(" ", 2);
                    return f.length == 2
                            && p.tmux.display(f[1] + ":", "#{session_attached}").equals("1");
                },
                "the control client alone in a session",
                () -> p.controlClient() + "\n" + p.diagnostics());
        String[] f = control[0].split(" ", 2);
        String seatId = p.tmux.display(f[1] + ":", "#{session_id}");
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline
                && !p.tmux.tmux("list-keys", "-T", "root")
                        .lines()
                        .filter(l -> l.contains(" M-") && l.contains("switch-client -t \"" + seatId + "\""))
                        .allMatch(l -> l.contains("switch-client -c " + f[0] + " "))) {
            Thread.sleep(10);
        }
    }
}
