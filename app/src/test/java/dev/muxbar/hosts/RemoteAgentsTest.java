package dev.muxbar.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.muxbar.act.AgentActions;
import dev.muxbar.json.Json;
import dev.muxbar.model.Status;
import dev.muxbar.model.Wait;
import dev.muxbar.tmux.AttachArgs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Another machine's answers are data: a prompt read from its muxbar keeps only what the contract
 * allows (choices 1-9, a 16-hex hash, texts without control characters), and the line ssh gives the
 * remote shell to attach to one of its sessions reaches tmux there as exactly the words meant.
 */
class RemoteAgentsTest {

    @Test
    void aRemotePromptKeepsOnlyWhatTheContractAllows() throws Exception {
        AgentActions.Shown s = RemoteAgents.shown(
                "%3",
                Json.parse("{\"pane\":\"%9\",\"agent\":\"claude\\u001b[2J\",\"status\":\"waiting\","
                        + "\"waitsFor\":\"permission\",\"prompt\":{\"form\":\"dialog\",\"hash\":\"0123456789abcdef\","
                        + "\"choices\":[{\"number\":1,\"label\":\"Yes\"},{\"number\":12,\"label\":\"x\"},"
                        + "{\"number\":2,\"label\":\"No\\u0007\"}]}}"));
        assertEquals("%3", s.pane(), "the pane asked about, not the one the remote names");
        assertEquals("claude[2J", s.agent());
        assertEquals(Status.WAITING, s.status());
        assertEquals(Wait.PERMISSION, s.waitsFor());
        assertEquals(
                List.of(1, 2),
                s.prompt().choices().stream().map(c -> c.number()).toList());
        assertEquals("No", s.prompt().choices().get(1).label());
        assertNull(
                RemoteAgents.shown("%3", Json.parse("{\"prompt\":{\"hash\":\"$(x)\",\"choices\":[]}}"))
                        .prompt(),
                "no hash to check against: no prompt to answer");
        assertEquals(
                Status.IDLE,
                RemoteAgents.shown("%3", Json.parse("{\"status\":[1]}")).status());
    }

    @Test
    void theAttachLineReachesTmuxThereAsTheWordsMeant() throws Exception {
        String session = "it's $(touch PWNED) `id` #{pane_id} \"q\" ;x ~ *";
        List<String> words = AttachArgs.of("/tmp/tmux 1000/default", session, "%7");
        Ssh ssh = new Ssh(Path.of("/cfg"));
        List<String> argv = ssh.interactive(
                Path.of("/run/h0/c"),
                new Host("devbox"),
                Ssh.line(words.get(0), words.subList(1, words.size()).toArray(String[]::new)));
        assertEquals(List.of("-t", "-o", "ControlMaster=no"), argv.subList(7, 10));
        assertEquals("devbox", argv.get(argv.size() - 2));
        // The remote shell runs the last word: with tmux standing in as a function that prints its words.
        Process p = new ProcessBuilder(
                        "sh",
                        "-c",
                        "tmux() { for w in \"$@\"; do printf '%s\\n' \"$w\"; done; }; " + argv.get(argv.size() - 1))
                .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile())
                .start();
        List<String> got = new ArrayList<>(
                List.of(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        p.waitFor();
        assertEquals(words.subList(1, words.size()), got);
        assertEquals(
                List.of(
                        "-S",
                        "/tmp/tmux 1000/default",
                        "select-window",
                        "-t",
                        "%7",
                        ";",
                        "select-pane",
                        "-t",
                        "%7",
                        ";",
                        "attach-session",
                        "-t",
                        "=" + session),
                got);
    }
}
