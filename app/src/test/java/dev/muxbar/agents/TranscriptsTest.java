package dev.muxbar.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptsTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = TranscriptsTest.class.getResourceAsStream("/agents/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String label(Signal s) {
        return s == null ? "-" : s.status() == null ? "alive" : s.status().label();
    }

    @Test
    void claudeLinesMapToStatuses() throws Exception {
        List<String> got = new ArrayList<>();
        for (String line : fixture("claude-transcript.jsonl").split("\n")) {
            got.add(label(Transcripts.claude(Json.parse(line))));
        }
        assertEquals(
                List.of("-", "running", "running", "tool-running", "alive", "running", "done", "interrupted", "error"),
                got);
        Signal first =
                Transcripts.claude(Json.parse(fixture("claude-transcript.jsonl").split("\n")[1]));
        assertEquals("s7", first.thread());
        assertEquals("/src", first.where().cwd());
        assertEquals("fix the flaky test", first.title());
    }

    /** 2.1.328 reports a background task's end three ways; each names the call that started it. */
    @Test
    void aBackgroundTasksEndIsReadFromEveryFormItTakes() throws Exception {
        String note =
                "<task-notification>\\n<task-id>a1</task-id>\\n<tool-use-id>toolu_9</tool-use-id>\\n<status>completed</status>";
        for (String line : List.of(
                "{\"type\":\"queue-operation\",\"operation\":\"enqueue\",\"sessionId\":\"s\",\"content\":\"" + note
                        + "\"}",
                "{\"type\":\"attachment\",\"sessionId\":\"s\",\"attachment\":{\"type\":\"queued_command\",\"prompt\":\""
                        + note + "\"}}",
                "{\"type\":\"user\",\"sessionId\":\"s\",\"message\":{\"role\":\"user\",\"content\":\"" + note
                        + "\"}}")) {
            Signal s = Transcripts.claude(Json.parse(line));
            assertEquals(Signal.Cue.BACKGROUND_END, s.cue(), line);
            assertEquals("toolu_9", s.toolId(), line);
        }
        assertEquals(
                null,
                Transcripts.claude(
                        Json.parse(
                                "{\"type\":\"queue-operation\",\"operation\":\"enqueue\",\"sessionId\":\"s\",\"content\":\"fix it too\"}")),
                "a prompt the user queued is no background task");
    }

    @Test
    void codexRolloutLinesMapToStatuses() throws Exception {
        String[] meta = new String[2];
        List<String> got = new ArrayList<>();
        for (String line : fixture("codex-rollout.jsonl").split("\n")) {
            got.add(label(Transcripts.codex(Json.parse(line), meta)));
        }
        assertEquals(
                List.of(
                        "-",
                        "-",
                        "running",
                        "running",
                        "running",
                        "tool-running",
                        "running",
                        "alive",
                        "running",
                        "done",
                        "running",
                        "interrupted"),
                got);
        assertEquals("0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", meta[0]);
        assertEquals("/src", meta[1]);
    }

    @Test
    void tailerReadsOnlyNewCompleteLinesOfRecentFiles(@TempDir Path home) throws Exception {
        Path projects = home.resolve("projects");
        Path dir = Files.createDirectories(projects.resolve(TranscriptTailer.claudeDir("/src")));
        assertEquals("-work-my-app", TranscriptTailer.claudeDir("/work/my.app"));
        String[] lines = fixture("claude-transcript.jsonl").split("\n");
        Path f = dir.resolve("s7.jsonl");
        Files.writeString(f, lines[1] + "\n" + lines[2] + "\n" + lines[3].substring(0, 40)); // last line half-written
        TranscriptTailer t = new TranscriptTailer(projects, home.resolve("codex"), m -> {});
        long now = System.currentTimeMillis();
        assertEquals(
                List.of("running", "running"),
                t.poll(Set.of("/src"), false, now).stream()
                        .map(TranscriptsTest::label)
                        .toList());
        assertEquals(List.of(), t.poll(Set.of("/src"), false, now), "nothing new: nothing read again");
        Files.writeString(f, lines[3].substring(40) + "\n", StandardOpenOption.APPEND);
        assertEquals(
                List.of("tool-running"),
                t.poll(Set.of("/src"), false, now).stream()
                        .map(TranscriptsTest::label)
                        .toList());
        // Old files are not read; files of directories no agent runs in are forgotten.
        assertTrue(t.poll(Set.of("/src"), false, now + TranscriptTailer.RECENT_MS + 60_000)
                .isEmpty());
        assertEquals(0, t.tailing());
    }

    @Test
    void tailerReadsCodexRolloutsOfTodayWithTheirMeta(@TempDir Path home) throws Exception {
        Path sessions = home.resolve("sessions");
        Path dir = Files.createDirectories(sessions.resolve(
                java.time.LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd"))));
        Files.writeString(dir.resolve("rollout-2026-11-23T10-00-00-abc.jsonl"), fixture("codex-rollout.jsonl"));
        TranscriptTailer t = new TranscriptTailer(home.resolve("none"), sessions, m -> {});
        List<Signal> got = t.poll(Set.of(), true, System.currentTimeMillis());
        Signal last = got.get(got.size() - 1);
        assertEquals("interrupted", label(last));
        assertEquals("0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", last.thread());
        assertEquals("codex", last.agent());
        assertEquals(List.of(), t.poll(Set.of(), false, System.currentTimeMillis()), "no codex pane: not read");
    }

    /**
     * Attaching mid-turn: the first read takes the file's recent past, so the row shows the agent
     * working at once; lines are placed by the file's directory (the pane's cwd), not by the line's
     * own cwd, which follows the Bash tool's cd.
     */
    @Test
    void aFirstReadMidTurnEstablishesTheStateAndPlacesLinesByTheirFile(@TempDir Path home) throws Exception {
        Path dir = home.resolve("projects").resolve("-src");
        Files.createDirectories(dir);
        StringBuilder history = new StringBuilder();
        for (int k = 0; k < 2000; k++) { // older turns, more than the first read takes
            history.append(
                            "{\"type\":\"user\",\"sessionId\":\"s9\",\"cwd\":\"/src\",\"message\":{\"role\":\"user\",\"content\":\"old prompt ")
                    .append(k)
                    .append("\"}}\n");
        }
        history.append("{\"type\":\"system\",\"subtype\":\"turn_duration\",\"sessionId\":\"s9\",\"cwd\":\"/src\"}\n");
        history.append(
                "{\"type\":\"user\",\"sessionId\":\"s9\",\"cwd\":\"/src\",\"message\":{\"role\":\"user\",\"content\":\"migrate\"}}\n");
        history.append(
                        "{\"type\":\"assistant\",\"sessionId\":\"s9\",\"cwd\":\"/src/db\",\"message\":{\"role\":\"assistant\",")
                .append("\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_9\",\"name\":\"Bash\",\"input\":{}}]}}\n");
        Files.writeString(dir.resolve("s9.jsonl"), history);
        TranscriptTailer t = new TranscriptTailer(home.resolve("projects"), home.resolve("codex"), m -> {});
        List<Signal> got = t.poll(Set.of("/src"), false, System.currentTimeMillis());
        Signal last = got.get(got.size() - 1);
        assertEquals("tool-running", label(last));
        assertEquals("/src", last.where().cwd(), "placed by its file, though the agent's shell was in /src/db");
        assertTrue(got.size() < 2000, "only the recent past is read");
        assertEquals("done", label(got.get(got.size() - 3)), "the turn before it ended");
    }
}
