package dev.muxbar.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.muxbar.api.ApiClient;
import dev.muxbar.model.Status;
import dev.muxbar.testing.DaemonProcess;
import dev.muxbar.testing.Poll;
import dev.muxbar.testing.Teardown;
import dev.muxbar.testing.TmuxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accuracy suite through the real daemon: a pane runs a process named {@code claude}; a recording
 * is played in real time as Claude Code would — transcript lines appended to its file under
 * {@code $CLAUDE_CONFIG_DIR/projects}, its registry entry rewritten, hook payloads sent through
 * {@code scripts/muxbar-hook} — while {@code GET /state} is sampled; the samples are scored as
 * {@link Replay} scores its own. CI plays a quick subset; {@code -Dtruth.daemon=all} (scripts/bench/truth)
 * plays every Claude recording.
 */
class TruthIT {

    static final List<String> QUICK = List.of("claude-permission-granted", "claude-rejected-with-feedback");

    @TempDir
    Path tmp;

    private final Teardown cleanup = new Teardown();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Wall time of each hook script run (what a synchronous hook costs the agent with the daemon up). */
    private static final List<Long> hookNanos = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        cleanup.close();
    }

    @Test
    void recordingsPlayedThroughTheDaemonAreRight() throws Exception {
        List<String> names = "all".equals(System.getProperty("truth.daemon"))
                ? TruthTest.RECORDINGS.stream()
                        .filter(n -> n.startsWith("claude"))
                        .toList()
                : QUICK;
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("claude"), Path.of("/bin/sleep")); // its comm is "claude"
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path claudeHome = tmp.resolve("claude-home");
        // Claude's project directory exists before the first line, as it does for a used project.
        Files.createDirectories(claudeHome.resolve("projects").resolve(TranscriptTailer.claudeDir(src.toString())));
        TmuxServer tmux = cleanup.track(new TmuxServer("truth"));
        // Claude writes where its own environment says; muxbar reads it from there (AgentFiles).
        tmux.tmux(
                "new-session",
                "-d",
                "-s",
                "agents",
                "-x",
                "120",
                "-y",
                "30",
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
        String pane = tmux.display("agents:", "#{pane_id}").strip();
        long pid = Long.parseLong(tmux.display("agents:", "#{pane_pid}").strip());
        StringBuilder table = new StringBuilder();
        List<String> failures = new ArrayList<>();
        long right = 0;
        long total = 0;
        for (String name : names) {
            Poll.until(
                    10_000,
                    () -> status(daemon, pane).equals("idle")
                            || status(daemon, pane).equals("done")
                            || status(daemon, pane).equals("interrupted")
                            || status(daemon, pane).equals("error"),
                    "the agent row rests before " + name,
                    () -> status(daemon, pane) + "\n" + daemon.diagnostics());
            Replay.Result r = play(name, daemon, pane, pid, src, claudeHome);
            right += r.rightMs();
            total += r.totalMs();
            table.append(String.format(
                    "%-30s %6.1f%%  worst latency %5d ms  rows %d%n",
                    name, 100 * r.accuracy(), r.worstLatencyMs(), r.maxRows()));
            if (r.accuracy() < 0.95 || r.maxRows() > 1) {
                failures.add(name + ": " + String.format("%.1f%%", 100 * r.accuracy()) + "\n  "
                        + String.join("\n  ", r.wrong()));
            }
            // A new conversation for the next recording: the agent goes as Claude's SessionEnd says.
            hook(
                    daemon,
                    pane,
                    "{\"session_id\":\"" + thread(name)
                            + "\",\"hook_event_name\":\"SessionEnd\",\"reason\":\"clear\"}");
        }
        List<Long> sorted = hookNanos.stream().sorted().toList();
        System.out.print("through the daemon (hooks + transcript + registry):\n" + table
                + String.format("%-30s %6.1f%%%n", "ALL (time-weighted)", 100.0 * right / total)
                + String.format(
                        "hook script with the daemon up: median %.1f ms, p99 %.1f ms over %d runs%n",
                        sorted.get(sorted.size() / 2) / 1e6,
                        sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                        sorted.size()));
        assertEquals(List.of(), failures, "\n" + daemon.diagnostics());
        assertTrue(right >= 0.97 * total, "through the daemon: " + 100.0 * right / total + "%");
    }

    private static String thread(String name) throws Exception {
        for (Replay.Step s : TruthTest.recording(name)) {
            if (s.body() != null && s.body().has("sessionId")) {
                return s.body().get("sessionId").asText();
            }
        }
        return "none";
    }

    /** Plays one recording in real time and samples the row every 50 ms. */
    private Replay.Result play(String name, DaemonProcess daemon, String pane, long pid, Path src, Path claudeHome)
            throws Exception {
        List<Replay.Step> steps = TruthTest.recording(name);
        Path transcript = null;
        Path registry = Files.createDirectories(claudeHome.resolve("sessions")).resolve(pid + ".json");
        String procStart = Registry.procStartOf(pid);
        List<Replay.Sample> samples = new ArrayList<>();
        long end = Replay.end(steps);
        long t0 = System.nanoTime();
        int next = 0;
        try (ApiClient api = new ApiClient(daemon.socket())) {
            for (long t = 0; t <= end; t = (System.nanoTime() - t0) / 1_000_000) {
                while (next < steps.size() && steps.get(next).at() <= t) {
                    Replay.Step s = steps.get(next++);
                    if (s.kind() == null) {
                        continue;
                    }
                    switch (s.kind()) {
                        case "hook" -> hook(daemon, pane, s.body().toString());
                        case "transcript" -> {
                            ObjectNode line =
                                    (ObjectNode) JSON.readTree(s.body().toString());
                            line.put("timestamp", Instant.now().toString()); // written now, as Claude would
                            line.put("cwd", src.toString());
                            if (transcript == null) {
                                transcript = Files.createDirectories(claudeHome
                                                .resolve("projects")
                                                .resolve(TranscriptTailer.claudeDir(src.toString())))
                                        .resolve(line.path("sessionId").asText() + ".jsonl");
                            }
                            Files.writeString(
                                    transcript,
                                    line + "\n",
                                    StandardCharsets.UTF_8,
                                    StandardOpenOption.CREATE,
                                    StandardOpenOption.APPEND);
                        }
                        case "registry" ->
                            Files.writeString(
                                    registry,
                                    "{\"pid\":" + pid + ",\"sessionId\":\""
                                            + s.body().path("sessionId").asText() + "\",\"cwd\":\"" + src
                                            + "\",\"status\":\""
                                            + s.body().path("status").asText() + "\",\"statusUpdatedAt\":"
                                            + System.currentTimeMillis()
                                            + ",\"procStart\":\"" + procStart + "\"}");
                        default -> {} // screen lines: the pane shows what it shows
                    }
                }
                JsonNode row = row(api, pane);
                samples.add(new Replay.Sample(
                        t,
                        row == null ? null : Status.parse(row.path("status").asText()),
                        row == null ? 0 : 1,
                        row == null ? "" : row.path("source").asText()));
                Thread.sleep(Replay.SAMPLE_MS);
            }
        }
        return Replay.score(name, Replay.Mode.ALL, steps, samples);
    }

    private static JsonNode row(ApiClient api, String pane) throws Exception {
        JsonNode found = null;
        for (JsonNode a : JSON.readTree(api.get("/state").body()).path("agents")) {
            if (a.path("pane").asText().equals(pane) && a.path("agent").asText().equals("claude")) {
                found = a;
            }
        }
        return found;
    }

    private static String status(DaemonProcess daemon, String pane) {
        try (ApiClient api = new ApiClient(daemon.socket())) {
            JsonNode r = row(api, pane);
            return r == null ? "(none)" : r.path("status").asText();
        } catch (Exception e) {
            return "(state failed: " + e + ")";
        }
    }

    /** Runs {@code scripts/muxbar-hook claude} with the payload on stdin, as Claude Code does. */
    private static void hook(DaemonProcess daemon, String pane, String payload) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                "sh",
                Path.of(System.getProperty("muxbar.root"))
                        .resolve("scripts/muxbar-hook")
                        .toString(),
                "claude");
        pb.environment().put("MUXBAR_RUNTIME_DIR", daemon.runtimeDir.toString());
        pb.environment().put("TMUX_PANE", pane);
        long start = System.nanoTime();
        Process p = pb.redirectErrorStream(true).start();
        p.getOutputStream().write(payload.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
        hookNanos.add(System.nanoTime() - start);
    }
}
