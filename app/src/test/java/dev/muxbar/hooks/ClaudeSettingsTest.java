package dev.muxbar.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeSettingsTest {

    static final String CMD = "/opt/muxbar/scripts/muxbar-hook claude";

    /** A user's file with odd formatting, their own Stop and PreToolUse hooks, and other settings. */
    static final String USER = "{\n"
            + "    \"model\": \"opus\",\n"
            + "    \"permissions\": {\"allow\": [\"Bash(git status)\"]},\n"
            + "    \"hooks\": {\n"
            + "        \"Stop\": [\n"
            + "            {\"hooks\": [{\"type\": \"command\", \"command\": \"say done\"}]}\n"
            + "        ],\n"
            + "        \"PreToolUse\": [{\"matcher\": \"Bash\", \"hooks\": [{\"type\": \"command\", \"command\": \"~/guard.sh\"}]}]\n"
            + "    },\n"
            + "    \"statusLine\": {\"type\": \"command\", \"command\": \"echo 名前 | $HOME\"}\n"
            + "}\n";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void installAddsEveryEventOnceAndKeepsTheUsersHooks() throws Exception {
        String once = ClaudeSettings.install(USER, CMD);
        JsonNode n = JSON.readTree(once);
        for (String e : ClaudeSettings.EVENTS) {
            assertTrue(n.path("hooks").path(e).toString().contains(CMD), e + " in " + once);
        }
        assertEquals("say done", n.at("/hooks/Stop/0/hooks/0/command").asText(), "the user's Stop hook comes first");
        assertEquals("~/guard.sh", n.at("/hooks/PreToolUse/0/hooks/0/command").asText());
        assertEquals("opus", n.path("model").asText());
        assertEquals("echo 名前 | $HOME", n.at("/statusLine/command").asText());
        assertTrue(
                once.startsWith(
                        "{\n    \"model\": \"opus\",\n    \"permissions\": {\"allow\": [\"Bash(git status)\"]},\n"),
                "untouched lines keep their bytes:\n" + once);
        assertTrue(
                once.contains("\"statusLine\": {\"type\": \"command\", \"command\": \"echo 名前 | $HOME\"}\n}\n"), once);
        assertEquals(once, ClaudeSettings.install(once, CMD), "a second install is a no-op");
        assertEquals(List.of(), ClaudeSettings.missing(once));
    }

    @Test
    void uninstallRemovesOnlyMuxbarsEntriesAndRestoresTheBytes() throws Exception {
        String installed = ClaudeSettings.install(USER, CMD);
        assertEquals(USER, ClaudeSettings.uninstall(installed), "install then uninstall gives the user's file back");
        assertEquals(USER, ClaudeSettings.uninstall(USER), "nothing of ours: unchanged");
        String bare = "{\n  \"model\": \"opus\"\n}\n";
        assertEquals(bare, ClaudeSettings.uninstall(ClaudeSettings.install(bare, CMD)));
    }

    @Test
    void brokenFilesAreRefusedWithTheReason() {
        IOException e = assertThrows(IOException.class, () -> ClaudeSettings.install("{\"hooks\": [1,}", CMD));
        assertTrue(e.getMessage().contains("line"), e.getMessage());
        assertThrows(IOException.class, () -> ClaudeSettings.install("{\"hooks\": \"x\"}", CMD));
        assertThrows(IOException.class, () -> ClaudeSettings.install("[]", CMD));
    }

    @Test
    void filesAreBackedUpBeforeAWriteAndDryRunsWriteNothing(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("settings.json");
        Files.writeString(f, USER);
        HookFiles.Result dry = HookFiles.edit(f, t -> ClaudeSettings.install(t, CMD), true, true, "{}\n");
        assertEquals(USER, Files.readString(f));
        assertTrue(dry.message().contains("dry run") && dry.message().contains(CMD), dry.message());
        HookFiles.Result r = HookFiles.edit(f, t -> ClaudeSettings.install(t, CMD), false, true, "{}\n");
        assertTrue(r.changed());
        assertEquals(USER, Files.readString(r.backup()), "the backup holds the user's file");
        assertNotEquals(USER, Files.readString(f));
        assertTrue(
                !HookFiles.edit(f, t -> ClaudeSettings.install(t, CMD), false, true, "{}\n")
                        .changed(),
                "second: no-op");
        Path none = dir.resolve("sub").resolve("settings.json");
        HookFiles.edit(none, t -> ClaudeSettings.install(t, CMD), false, true, "{}\n");
        assertTrue(JSON.readTree(Files.readString(none)).path("hooks").has("Stop"), "created when missing");
    }

    @Test
    void codexNotifyLineAndHooksFlag() throws Exception {
        String user = "model = \"gpt-5\"\n\n[profiles.fast]\nmodel = \"o4-mini\"\n";
        String once = CodexConfig.install(user, "/opt/muxbar/scripts/muxbar-hook");
        assertTrue(once.startsWith("notify = [\"/opt/muxbar/scripts/muxbar-hook\", \"codex\"] # muxbar\n"), once);
        assertTrue(once.endsWith("\n[features] # muxbar\ncodex_hooks = true # muxbar\n"), once);
        assertEquals(once, CodexConfig.install(once, "/opt/muxbar/scripts/muxbar-hook"));
        assertEquals(user, CodexConfig.uninstall(once));
        // The user's notify stays theirs (the Stop hook tells turn ends); their [features] table gets the flag.
        String theirs = "notify = [\"notify-send\"]\n\n[features]\nweb_search = true\n";
        String withFlag = CodexConfig.install(theirs, "/x/muxbar-hook");
        assertEquals(
                "notify = [\"notify-send\"]\n\n[features]\ncodex_hooks = true # muxbar\nweb_search = true\n", withFlag);
        assertEquals(theirs, CodexConfig.uninstall(withFlag));
        // A flag the user set, even to false, is theirs.
        String off = "[features]\ncodex_hooks = false\n";
        assertTrue(CodexConfig.install(off, "/x/muxbar-hook").endsWith(off));
        // A notify inside a table is not the top-level one.
        assertTrue(CodexConfig.installed(CodexConfig.install("[mcp]\nnotify = 1\n", "/x/muxbar-hook")));
        // Keys the user added under muxbar's [features] keep their header.
        String grown = once + "web_search = true\n";
        assertTrue(CodexConfig.uninstall(grown).contains("[features] # muxbar\nweb_search = true\n"));
    }

    @Test
    void codexHooksJsonHasTheSameShapeAsClaudes() throws Exception {
        ClaudeSettings codex = new ClaudeSettings(ClaudeSettings.CODEX);
        String user =
                "{\n  \"hooks\": {\n    \"Stop\": [{\"hooks\": [{\"type\": \"command\", \"command\": \"say done\"}]}]\n  }\n}\n";
        String once = codex.add(user, "/opt/muxbar/scripts/muxbar-hook codex");
        assertEquals(List.of(), codex.missingIn(once));
        assertTrue(
                JSON.readTree(once)
                        .path("hooks")
                        .path("PermissionRequest")
                        .path(0)
                        .path("matcher")
                        .asText()
                        .equals("*"),
                once);
        assertEquals(2, JSON.readTree(once).path("hooks").path("Stop").size(), "the user's Stop hook and muxbar's");
        assertEquals(once, codex.add(once, "/opt/muxbar/scripts/muxbar-hook codex"));
        assertEquals(user, codex.remove(once));
        assertEquals(
                ClaudeSettings.CLAUDE.events(), ClaudeSettings.missing(once), "Claude's entries are another agent's");
    }
}
