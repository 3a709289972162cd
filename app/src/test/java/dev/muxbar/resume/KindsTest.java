package dev.muxbar.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The argv that brings each agent kind back: its program and flags as started, never the one-shot
 * prompt nor an earlier resume, then its resume words (by id, or its latest conversation here).
 */
class KindsTest {

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();
    private final Kinds kinds = Kinds.load(null, log::add);

    private List<String> resume(String agent, String id, String... started) {
        return kinds.of(agent).orElseThrow().resumeArgv(List.of(started), id);
    }

    @Test
    void claudeKeepsItsFlagsAndDropsThePromptAndAnEarlierResume() {
        assertEquals(
                List.of("claude", "--model", "opus", "--permission-mode", "plan", "--resume", "abc-123"),
                resume(
                        "claude",
                        "abc-123",
                        "claude",
                        "--model",
                        "opus",
                        "fix the flaky test",
                        "--permission-mode",
                        "plan"));
        assertEquals(
                List.of("claude", "--model=opus", "--resume", "new"),
                resume("claude", "new", "claude", "-r", "old", "--model=opus", "-p", "--", "a prompt"));
        assertEquals(List.of("claude", "--continue"), resume("claude", null, "claude", "hello"));
        assertEquals(
                List.of("node", "/opt/claude/cli.js", "--verbose", "--resume", "x"),
                resume("claude", "x", "node", "/opt/claude/cli.js", "--verbose", "explain this"),
                "under an interpreter, the script is the program");
    }

    @Test
    void codexDropsItsResumeSubcommandAndTheIdItCarried() {
        assertEquals(
                List.of("codex", "-m", "o3", "resume", "019a-uuid"),
                resume("codex", "019a-uuid", "codex", "-m", "o3", "resume", "old-uuid", "keep going"));
        assertEquals(
                List.of("codex", "--sandbox", "workspace-write", "resume", "--last"),
                resume("codex", null, "codex", "--sandbox", "workspace-write", "write the tests"));
    }

    @Test
    void geminiOpencodeAndAiderHaveTheirOwnWords() {
        assertEquals(
                List.of("gemini", "-m", "pro", "--resume", "u1"),
                resume("gemini", "u1", "gemini", "-m", "pro", "-i", "hi"));
        assertEquals(
                List.of("opencode", "/src/app", "--session", "s1"), resume("opencode", "s1", "opencode", "/src/app"));
        assertEquals(
                List.of("aider", "--model", "sonnet", "main.py", "--restore-chat-history"),
                resume("aider", null, "aider", "--model", "sonnet", "main.py", "--message", "do it"),
                "aider's bare words are files: kept; its one-shot message is not");
    }

    @Test
    void theUsersFileReplacesAKindAndABadOneIsLeftOutWithALogLine() throws Exception {
        Path f = dir.resolve("resume.json");
        Files.writeString(
                f,
                "{\"kinds\":{\"claude\":{\"resume\":[\"--resume\",\"{id}\",\"--verbose\"]},"
                        + "\"bad\":{\"resume\":\"not a list\"},\"x\":{\"resume\":[\"ok\"],\"positionals\":\"maybe\"}}}");
        Kinds mine = Kinds.load(f, log::add);
        assertEquals(
                List.of("claude", "--resume", "i", "--verbose"),
                mine.of("claude").orElseThrow().resumeArgv(List.of("claude"), "i"));
        assertTrue(mine.of("bad").isEmpty());
        assertTrue(mine.of("x").isEmpty());
        assertTrue(mine.of("codex").isPresent(), "the other built-in kinds stay");
        assertEquals(2, log.size(), log.toString());
        assertTrue(mine.envNames(List.of("MY_HOME")).containsAll(List.of("CODEX_HOME", "MY_HOME")));
    }

    @Test
    void theLineTypedQuotesEveryWordAndRefusesWhatAShellWouldSplit() {
        String line = ResumeLine.of(
                "/src/it's here", Map.of("CODEX_HOME", "/h/$(x)"), List.of("codex", "resume", "a'b; rm -rf ~"));
        assertEquals("cd '/src/it'\\''s here' && env 'CODEX_HOME=/h/$(x)' 'codex' 'resume' 'a'\\''b; rm -rf ~'", line);
        assertThrows(IllegalArgumentException.class, () -> ResumeLine.of("/", Map.of("A B", "x"), List.of("c")));
        assertThrows(IllegalArgumentException.class, () -> ResumeLine.of("/", Map.of(), List.of("c", "two\nlines")));
        assertTrue(ResumeLine.of("/", Map.of(), List.of("A=b")).contains("env -- 'A=b'"));
    }
}
