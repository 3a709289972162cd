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

    private static String explain(DaemonProcess d) {
        try (ApiClient api = new ApiClient(d.socket())) {
            return api.get("/agents/explain").body();
        } catch (java.io.IOException e) {
            return e.toString();
        }
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
        int n = 0;
        for (String line : Files.readAllLines(
                Path.of(UsageIT.class.getResource("/usage/claude-session.jsonl").toURI()))) {
            // Written now (the recording's own times are another day): today's cost counts them.
            String at = java.time.Instant.now().plusMillis(n++).toString(); // a turn a millisecond
            Files.writeString(
                    transcript,
                    line.replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"" + at + "\"") + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        Poll.until(
                15_000,
                () -> usage(daemon).path("agents").path(0).path("context").asLong() == 20_005,
                "the last turn's context through /usage",
                () -> usage(daemon) + "\n" + explain(daemon) + "\n" + daemon.diagnostics());
        JsonNode a = usage(daemon).path("agents").path(0);
        assertEquals("claude", a.path("agent").asText());
        assertEquals("sess-u1", a.path("thread").asText());
        assertEquals(10, a.path("contextPercent").asInt(), a.toString());
        assertEquals(0.15, a.path("costUsd").asDouble(), a.toString());
        Poll.until(
                5_000,
                () -> tmux.tmux("show-options", "-gqv", "@muxbar-usage-status")
                        .strip()
                        .equals("ctx 10% · $0.15 today"),
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
        DaemonProcess.Cli byModel =
                DaemonProcess.cli(tmp.resolve("run"), tmp.resolve("state"), "usage", "--since", "24h", "--by", "model");
        assertEquals(0, byModel.exit(), byModel.output());
        assertTrue(
                byModel.output().contains("claude-opus-4-1-20250805")
                        && byModel.output().contains("claude-sonnet-4-5-20250929")
                        && byModel.output().contains("total $0.15"),
                byModel.output());
        DaemonProcess.Cli bad = DaemonProcess.cli(tmp.resolve("run"), tmp.resolve("state"), "usage", "--by", "moon");
        assertEquals(2, bad.exit(), bad.output());
        assertTrue(bad.output().contains("by must be agent, session, model or day"), bad.output());

        // Claude's statusLine through muxbar's tee: its own cost wins; the tee prints the segment when asked.
        tmux.tmux("set-option", "-g", "@muxbar-claude-statusline", "on");
        String report = "{\"session_id\":\"sess-u1\",\"model\":{\"id\":\"claude-sonnet-4-5-20250929\"},"
                + "\"cost\":{\"total_cost_usd\":4.1},\"context_window\":{\"used_percentage\":10}}";
        Poll.until(
                10_000,
                () -> tee(tmux, daemon, report).equals("ctx 10% | $4.10\n"),
                "the tee's segment with Claude's own cost",
                () -> tee(tmux, daemon, report) + "\n" + usage(daemon) + "\n" + daemon.diagnostics());
        assertEquals(4.1, usage(daemon).path("agents").path(0).path("costUsd").asDouble());
        assertEquals(0.15, usage(daemon).path("today").path("costUsd").asDouble(), "the report was the baseline");
        Files.writeString(tmp.resolve("big.json"), "{\"x\":\"" + "a".repeat(10 << 20) + "\"}");
        assertEquals("", tee(tmux, daemon, null), "a 10 MB body: refused by the daemon, nothing printed");
        assertTrue(daemon.process().isAlive());
        assertEquals(4.1, usage(daemon).path("agents").path(0).path("costUsd").asDouble());
        // With the user's own statusLine, which ends with an exit of its own: the copy still goes, after it.
        assertEquals(
                "exit 3: mine",
                tee(tmux, daemon, report.replace("4.1", "5.25"), "cat >/dev/null; printf mine; exit 3"));
        Poll.until(
                5_000,
                () -> usage(daemon).path("agents").path(0).path("costUsd").asDouble() == 5.25,
                "the copy sent once the user's command was done",
                () -> usage(daemon).toString());
        assertEquals(
                1.30,
                usage(daemon).path("today").path("costUsd").asDouble(),
                1e-9,
                "0.152799 by the table, then the 1.15 Claude says it added since its first report");

        // A new daemon reads the same transcript again: today stays what it was, counted once.
        daemon.stop(); // SIGTERM: the daemon cleans up (and writes usage.json) as it goes
        DaemonProcess again = cleanup.track(DaemonProcess.start(
                        tmux,
                        tmp.resolve("run"),
                        tmp.resolve("state"),
                        Map.of("CLAUDE_CONFIG_DIR", claudeHome.toString(), "HOME", tmp.toString())))
                .awaitReady();
        Poll.until(
                15_000,
                () -> usage(again).path("agents").path(0).path("context").asLong() == 20_005,
                "the transcript read again by the new daemon",
                () -> usage(again) + "\n" + again.diagnostics());
        assertEquals(
                1.30,
                usage(again).path("today").path("costUsd").asDouble(),
                1e-9,
                usage(again).toString());
        DaemonProcess.Cli week =
                DaemonProcess.cli(tmp.resolve("run"), tmp.resolve("state"), "usage", "--since", "7d", "--by", "day");
        assertTrue(week.output().contains("total $1.30"), week.output());
    }

    /** What muxbar's tee prints for {@code json} (null: the 10 MB file) with no user command, in the agent's pane's environment. */
    private String tee(TmuxServer tmux, DaemonProcess daemon, String json, String... user) {
        try {
            Path script = Path.of(System.getProperty("muxbar.root"), "scripts", "muxbar-statusline");
            java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(script.toString()));
            cmd.addAll(java.util.List.of(user));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment()
                    .put("MUXBAR_RUNTIME_DIR", daemon.socket().getParent().toString());
            pb.environment().put("TMUX", tmux.socket + ",1,0"); // tmux show-option reaches this server
            pb.redirectErrorStream(true);
            if (json == null) {
                pb.redirectInput(tmp.resolve("big.json").toFile());
            }
            Process p = pb.start();
            if (json != null) {
                try (var in = p.getOutputStream()) {
                    in.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? out : "exit " + p.exitValue() + ": " + out;
        } catch (java.io.IOException | InterruptedException e) {
            return e.toString();
        }
    }
}
