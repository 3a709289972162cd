package dev.muxbar.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.FarSide;
import dev.muxbar.testing.Sshd;
import dev.muxbar.testing.Teardown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code muxbar hosts} against a real OpenSSH server on 127.0.0.1: the "remote" is this machine
 * through sshd, with a tmux server and a muxbar daemon of its own; the remote muxbar is run as a
 * user's {@code MUXBAR_REMOTE_COMMAND} says.
 */
class HostsIT {

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();
    private Sshd sshd;
    private FarSide far;
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        assertTrue(Sshd.available(), "needs OpenSSH's sshd (apt-get install openssh-server)");
        sshd = cleanup.track(Sshd.start(tmp.resolve("ssh")));
        far = cleanup.track(FarSide.start(tmp, t -> {}));
        env = Map.of(
                "HOME", tmp.resolve("home").toString(),
                "XDG_STATE_HOME", tmp.resolve("state-home").toString(),
                "MUXBAR_SSH_CONFIG", sshd.config.toString(),
                "MUXBAR_REMOTE_COMMAND", far.command);
    }

    @AfterEach
    void stop() {
        cleanup.close();
    }

    private DaemonProcess.Cli cli(String... args) throws Exception {
        return DaemonProcess.cli(tmp.resolve("run"), tmp.resolve("state"), env, args);
    }

    @Test
    void hostsAreAddedListedCheckedAndRemoved() throws Exception {
        DaemonProcess.Cli add = cli("hosts", "add", Sshd.HOST);
        assertEquals(0, add.exit(), add.output());
        assertTrue(Files.readString(tmp.resolve("state-home/muxbar/hosts.json")).contains(Sshd.HOST));
        assertTrue(cli("hosts", "list").output().contains(Sshd.HOST + "  (muxbar hosts add)"));

        DaemonProcess.Cli check = cli("hosts", "check", Sshd.HOST);
        String out = check.output();
        System.out.println("muxbar hosts check " + Sshd.HOST + ":\n" + out);
        assertEquals(0, check.exit(), out + "\nsshd:\n" + sshd.log());
        assertTrue(out.contains("ok       ssh " + Sshd.HOST + ": reached without a prompt"), out);
        assertTrue(out.contains("ok       muxbar on " + Sshd.HOST + ": run as @muxbar-remote-command says"), out);
        assertTrue(out.contains("ok       version on " + Sshd.HOST), out);
        assertTrue(out.contains(far.tmux.socket.toString()), "the remote daemon's tmux server: " + out);

        DaemonProcess.Cli removed = cli("hosts", "remove", Sshd.HOST);
        assertEquals(0, removed.exit(), removed.output());
        assertFalse(cli("hosts", "list").output().contains(Sshd.HOST + "  (muxbar"));
    }

    @Test
    void aHostThatNeedsALoginIsSaidSoAndNothingPrompts() throws Exception {
        Path stranger = tmp.resolve("stranger_key");
        Process k =
                new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", stranger.toString()).start();
        assertEquals(0, k.waitFor());
        Files.writeString(
                sshd.config,
                Files.readString(sshd.config)
                        .replace(
                                "Host " + Sshd.HOST,
                                "Host locked\n    HostName 127.0.0.1\n    Port " + sshd.port
                                        + "\n    IdentityFile " + stranger
                                        + "\n    IdentitiesOnly yes\n    StrictHostKeyChecking no\n"
                                        + "    UserKnownHostsFile /dev/null\n\nHost " + Sshd.HOST));
        DaemonProcess.Cli check = cli("hosts", "check", "locked");
        assertEquals(1, check.exit(), check.output());
        assertTrue(check.output().contains("problem  ssh locked: needs login"), check.output());
        assertTrue(check.output().contains("run `ssh locked` once"), check.output());
    }

    @Test
    void aNameSshWouldReadAsAnOptionIsRefusedAndNothingRuns() throws Exception {
        Path flag = tmp.resolve("ran");
        DaemonProcess.Cli bad = cli("hosts", "check", "--", "-oProxyCommand=touch " + flag);
        assertEquals(2, bad.exit(), bad.output());
        assertTrue(bad.output().contains("not a host ssh can be given safely"), bad.output());
        DaemonProcess.Cli add = cli("hosts", "add", "$(touch " + flag + ")");
        assertEquals(2, add.exit(), add.output());
        assertFalse(Files.exists(flag), "nothing ran");
        assertFalse(Files.exists(tmp.resolve("state-home/muxbar/hosts.json")), "nothing kept");
    }
}
