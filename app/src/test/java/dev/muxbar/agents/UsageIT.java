package dev.muxbar.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muxbar.api.ApiClient;
import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Claude transcript written line by line where its pane's Claude keeps it: the daemon reads what
 * each line says of usage — {@code GET /usage} and {@code muxbar usage} give the context of the last
 * turn (not a running sum), the model's window and the cost across a model switch.
 */
class UsageIT {

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();

    @AfterEach
    void stop() {
        cleanup.close();
    }

    private static JsonNode usage(DaemonProcess d) {
        try (ApiClient api = new ApiClient(d.socket())) {
            return new ObjectMapper().readTree(api.get("/usage").body());
        } catch (java.io.IOException e) {
            return new ObjectMapper().createObjectNode().put("failed", e.toString());
        }
    }

    @Test
    void aTranscriptsUsageReachesTheApiAndTheCli() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("claude"), Path.of("/bin/sleep")); // its comm is "claude"
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path claudeHome = tmp.resolve("claude-home");
        Path project = Files.createDirectories(
                claudeHome.resolve("projects").resolve(TranscriptTailer.claudeDir(src.toString())));
        TmuxServer tmux = cleanup.track(new TmuxServer("usage"));
        tmux.tmux(
                "new-session",
                "-d",
                "-s",
                "agents",
                "-c",
                src.toString(),
                "-e",
                "CLAUDE_CONFIG_DIR=" + claudeHome,
                bin.resolve("claude") + " 86400");
        DaemonProcess daemon = cleanup.track(DaemonProcess.start(
                        tmux,
                        tmp.resolve("run"),
                        tmp.resolve("state"),
                        Map.of("CLAUDE_CONFIG_DIR", claudeHome.toString(), "HOME", tmp.toString())))
                .awaitReady();
        Path transcript = project.resolve("sess-u1.jsonl");
        for (String line : Files.readAllLines(
                Path.of(UsageIT.class.getResource("/usage/claude-session.jsonl").toURI()))) {
            Files.writeString(transcript, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        Poll.until(
                15_000,
                () -> usage(daemon).path("agents").path(0).path("context").asLong() == 20_005,
                "the last turn's context through /usage",
                () -> usage(daemon) + "\n" + daemon.diagnostics());
        JsonNode a = usage(daemon).path("agents").path(0);
        assertEquals("claude", a.path("agent").asText());
        assertEquals("sess-u1", a.path("thread").asText());
        assertEquals(10, a.path("contextPercent").asInt(), a.toString());
        assertEquals(0.15, a.path("costUsd").asDouble(), a.toString());
        Poll.until(
                5_000,
                () -> tmux.tmux("show-options", "-gqv", "@muxbar-usage-status")
                        .strip()
                        .equals("ctx 10% · $0.15"),
                "the status-line segment",
                () -> tmux.tmux("show-options", "-gqv", "@muxbar-usage-status"));
        StringBuilder event = new StringBuilder();
        try (ApiClient api = new ApiClient(daemon.socket())) {
            api.stream(
                    "/events?types=usage",
                    5_000,
                    e -> {
                        event.append(e.event()).append(' ').append(e.data()).append('\n');
                        return false; // the first event: the snapshot
                    },
                    err -> event.append("error: ").append(err));
        }
        assertTrue(
                event.toString().startsWith("snapshot ")
                        && event.toString().contains("\"usage\":[{\"pane\"")
                        && event.toString().contains("\"contextPercent\":10"),
                event.toString());
        DaemonProcess.Cli cli = DaemonProcess.cli(tmp.resolve("run"), tmp.resolve("state"), "usage");
        assertEquals(0, cli.exit(), cli.output());
        assertTrue(cli.output().contains("ctx  10%") && cli.output().contains("$0.15"), cli.output());
    }
}
