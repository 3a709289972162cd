package dev.muxbar.agentservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.api.ApiClient;
import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Sshd;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent behind {@code ssh} in a local pane, through a real OpenSSH server on 127.0.0.1: the far
 * side runs a fake Claude (its permission dialog; it prints the bytes of the answer it gets). The
 * daemon knows nothing of the far side but the pane's screen and the ssh command line.
 */
class ThroughSshIT {

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();
    private static final ObjectMapper JSON = new ObjectMapper();
    private TmuxServer tmux;
    private DaemonProcess daemon;
    private Sshd sshd;

    @BeforeEach
    void start() throws Exception {
        assertTrue(Sshd.available(), "needs OpenSSH's sshd (apt-get install openssh-server)");
        sshd = cleanup.track(Sshd.start(tmp.resolve("ssh")));
        tmux = cleanup.track(new TmuxServer("local"));
        tmux.tmux("set-option", "-g", "default-shell", "/bin/sh");
        daemon = cleanup.track(DaemonProcess.start(
                        tmux, tmp.resolve("run"), tmp.resolve("state"), Map.of("HOME", tmp.toString())))
                .awaitReady();
    }

    @AfterEach
    void stop() {
        cleanup.close();
    }

    private JsonNode rowOf(String pane) {
        try (ApiClient api = new ApiClient(daemon.socket())) {
            for (JsonNode a : JSON.readTree(api.get("/state").body()).path("agents")) {
                if (a.path("pane").asText().equals(pane)) {
                    return a;
                }
            }
        } catch (java.io.IOException e) {
            return JSON.createObjectNode().put("failed", e.toString());
        }
        return JSON.createObjectNode();
    }

    private String diagnostics(String pane) {
        return "screen of " + pane + ":\n" + tmux.tmux("capture-pane", "-p", "-t", pane) + "\n" + tmux.describe()
                + daemon.diagnostics() + "\nsshd:\n" + sshd.log();
    }

    @Test
    void anAgentOverSshIsRecognisedMarkedWithItsHostAndAnswered() throws Exception {
        Path fake = Path.of(System.getProperty("muxbar.root"), "app/src/test/resources/fake-agents/claude");
        String far = "exec bash -c 'exec -a claude /bin/sh " + fake + "'";
        String command =
                sshd.ssh("-t", far).stream().map(dev.muxbar.tmux.TmuxQuote::sh).collect(Collectors.joining(" "));
        String pane = tmux.tmux("new-window", "-d", "-P", "-F", "#{pane_id}", "-t", "local:", "exec " + command)
                .strip();
        JsonNode[] row = new JsonNode[1];
        Poll.until(
                15_000,
                () -> {
                    row[0] = rowOf(pane);
                    return row[0].path("status").asText().equals("waiting");
                },
                "the agent over ssh waiting",
                () -> "row: " + row[0] + "\n" + diagnostics(pane));
        assertEquals("claude", row[0].path("agent").asText(), row[0].toString());
        assertEquals(Sshd.HOST, row[0].path("host").asText(), "marked with the ssh destination: " + row[0]);
        assertEquals("screen", row[0].path("source").asText(), row[0].toString());

        DaemonProcess.Cli explain = DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "explain", pane);
        assertTrue(explain.output().contains("through ssh"), explain.output());

        DaemonProcess.Cli answer = DaemonProcess.cli(daemon.runtimeDir, daemon.stateHome, "answer", pane, "2");
        assertEquals(0, answer.exit(), answer.output() + diagnostics(pane));
        Poll.until(
                10_000,
                () -> tmux.tmux("capture-pane", "-p", "-t", pane).contains("GOT:32"),
                "the fake Claude over ssh got 2, byte-exact",
                () -> diagnostics(pane));
        // The agent over there quits: the pane shows the remote shell's prompt, still through ssh.
        String shell = sshd.ssh("-t", "printf 'me@far:~$ '; exec sleep 60").stream()
                .map(dev.muxbar.tmux.TmuxQuote::sh)
                .collect(Collectors.joining(" "));
        tmux.tmux("respawn-pane", "-k", "-t", pane, "clear; exec " + shell);
        Poll.until(
                10_000,
                () -> rowOf(pane).path("agent").isMissingNode(),
                "the row gone once the far side shows no agent",
                () -> "row: " + rowOf(pane) + "\n" + diagnostics(pane));
    }
}
