package dev.muxbar.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.api.ApiClient;
import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.FarSide;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Sshd;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon runs a link to each host of {@code @muxbar-hosts}, through a real OpenSSH server on
 * 127.0.0.1 to a "remote" tmux server with its own muxbar (a fake Claude waiting there): the host's
 * state, sessions and agents are in {@code /state}; when the connection drops and sshd is gone, the
 * host is down with the last state seen, and the local daemon goes on as before.
 */
class HostsDaemonIT {

    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Teardown cleanup = new Teardown();
    private Sshd sshd;
    private FarSide far;
    private TmuxServer local;
    private DaemonProcess daemon;

    @BeforeEach
    void start() throws Exception {
        assertTrue(Sshd.available(), "needs OpenSSH's sshd (apt-get install openssh-server)");
        sshd = cleanup.track(Sshd.start(tmp.resolve("ssh")));
        Path fake = Path.of(System.getProperty("muxbar.root"), "app/src/test/resources/fake-agents/claude");
        far = cleanup.track(FarSide.start(tmp, t -> {
            t.tmux("set-option", "-g", "default-shell", "/bin/sh");
            t.tmux("new-session", "-d", "-s", "far-work", "exec bash -c 'exec -a claude /bin/sh " + fake + "'");
        }));
        local = cleanup.track(new TmuxServer("here"));
        local.tmux("set", "-g", "@muxbar-hosts", Sshd.HOST + " -oProxyCommand=x");
        daemon = cleanup.track(sshd.daemonFor(local, tmp, far.command));
    }

    @AfterEach
    void stop() {
        cleanup.close();
    }

    private JsonNode host() {
        try (ApiClient api = new ApiClient(daemon.socket())) {
            return JSON.readTree(api.get("/state").body()).path("hosts").path(0);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode().put("failed", e.toString());
        }
    }

    private static void signal(String sig, long pid) throws Exception {
        new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).start().waitFor();
    }

    /** The agent of the far session as the local daemon shows it. */
    private JsonNode farAgent() {
        for (JsonNode s : host().path("sessions")) {
            if (s.path("name").asText().equals("far-work")) {
                return s.path("agents").path(0);
            }
        }
        return JSON.createObjectNode();
    }

    private boolean sessionNamed(String name) {
        try (ApiClient api = new ApiClient(daemon.socket())) {
            return api.get("/state").body().contains("\"name\":\"" + name + "\"");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void aHostIsUpThenDownWhileTheLocalDaemonGoesOn() throws Exception {
        Poll.until(
                30_000,
                () -> host().path("state").asText().equals("up"),
                "the host up",
                () -> host() + "\n" + daemon.diagnostics() + "\nsshd:\n" + sshd.log());
        assertTrue(host().path("servers").toString().contains(far.tmux.socket.toString()), host().toString());
        Poll.until(
                20_000,
                () -> farAgent().path("status").asText().equals("waiting"),
                "the far agent waiting, here",
                () -> host() + "\n" + daemon.diagnostics());
        assertEquals(Sshd.HOST, farAgent().path("host").asText(), farAgent().toString());
        Poll.until(
                5_000,
                () -> local.tmux("show-options", "-gqv", "@muxbar-status").contains("1?"),
                "the status line counts the far agent",
                () -> "@muxbar-status: " + local.tmux("show-options", "-gqv", "@muxbar-status"));
        // The same in muxbar status --json and on the event stream, as a host event.
        DaemonProcess.Cli status = DaemonProcess.cli(tmp.resolve("run"), tmp.resolve("state"), "status", "--json");
        JsonNode hosts = JSON.readTree(status.output()).path("hosts");
        assertEquals(Sshd.HOST, hosts.path(0).path("name").asText(), status.output());
        assertTrue(hosts.toString().contains("\"far-work\""), status.output());
        StringBuilder hostEvent = new StringBuilder();
        try (ApiClient api = new ApiClient(daemon.socket())) {
            api.stream(
                    "/events?types=hosts",
                    5_000,
                    e -> {
                        if (e.event().equals("snapshot") || e.event().equals("host")) {
                            hostEvent.append(e.data());
                        }
                        return hostEvent.length() == 0;
                    },
                    err -> hostEvent.append("error: ").append(err));
        }
        assertTrue(hostEvent.toString().contains("\"host\":\"" + Sshd.HOST + "\""), hostEvent.toString());
        assertTrue(hostEvent.toString().contains("\"status\":\"waiting\""), hostEvent.toString());
        assertTrue(
                daemon.diagnostics().contains("left out not a host ssh can be given safely: '-oProxyCommand=x'"),
                "a host name ssh would read as an option is left out: " + daemon.diagnostics());

        // The far daemon hangs (kill -STOP): its stream goes silent; the host is stalled, local work goes on.
        signal("STOP", far.daemon.pid());
        try {
            Poll.until(
                    25_000,
                    () -> host().path("state").asText().equals("stalled"),
                    "the host stalled",
                    host()::toString);
            long t = System.nanoTime();
            local.tmux("new-session", "-d", "-s", "during-stall");
            Poll.until(2_000, () -> sessionNamed("during-stall"), "a local change while a host stalls", () -> "");
            System.out.printf(
                    "local new session → /state while the far daemon is stopped: %d ms%n",
                    (System.nanoTime() - t) / 1_000_000);
        } finally {
            signal("CONT", far.daemon.pid());
        }
        Poll.until(30_000, () -> host().path("state").asText().equals("up"), "up again", host()::toString);

        sshd.close(); // the connection drops and nobody answers any more
        Poll.until(
                15_000, () -> host().path("state").asText().equals("down"), "the host down", () -> host().toString());
        long t0 = System.nanoTime();
        local.tmux("rename-session", "-t", "here", "renamed");
        Poll.until(2_000, () -> sessionNamed("renamed"), "a local change shown while the host is down", () -> "");
        System.out.printf(
                "local rename → /state while the host is down: %d ms (reason: %s)%n",
                (System.nanoTime() - t0) / 1_000_000, host().path("reason").asText());
    }
}
