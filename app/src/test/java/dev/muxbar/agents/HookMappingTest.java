package dev.muxbar.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import dev.muxbar.model.Status;
import org.junit.jupiter.api.Test;

class HookMappingTest {

    private static Node json(String s) throws Exception {
        return Json.parse(s);
    }

    @Test
    void codexNotifyIsATurnComplete() throws Exception {
        Signal s = HookMapping.codex(
                json(
                        "{\"type\":\"agent-turn-complete\",\"thread-id\":\"t1\",\"turn-id\":\"u1\","
                                + "\"cwd\":\"/src\",\"input-messages\":[\"first\",\"run the\\ntests\"],\"last-assistant-message\":\"ok\"}"),
                "%4",
                null);
        assertEquals(Status.DONE, s.status());
        assertEquals("t1", s.thread());
        assertEquals("run the tests", s.title(), "one line");
        assertEquals("%4", s.where().pane());
        assertEquals(
                Status.RUNNING,
                HookMapping.codex(json("{\"hook_event_name\":\"UserPromptSubmit\",\"session_id\":\"t\"}"), "%4", null)
                        .status());
    }

    @Test
    void badInputIsRejectedWithAReason() {
        assertMessage("hook_event_name", () -> HookMapping.claude(json("{\"session_id\":\"x\"}"), "%1", null));
        assertMessage(
                "unknown claude hook event",
                () -> HookMapping.claude(json("{\"hook_event_name\":\"Nope\"}"), "%1", null));
        assertMessage("JSON object", () -> HookMapping.claude(json("[1,2]"), "%1", null));
        assertMessage(
                "pane must look like %3",
                () -> HookMapping.claude(json("{\"hook_event_name\":\"Stop\"}"), "%1;rm", null));
        assertMessage(
                "pid must be a number", () -> HookMapping.claude(json("{\"hook_event_name\":\"Stop\"}"), null, "$$"));
        assertMessage("unknown Codex notification", () -> HookMapping.codex(json("{\"type\":\"other\"}"), "%1", null));
        assertMessage(
                "status must be one of",
                () -> HookMapping.generic(json("{\"agent\":\"aider\",\"status\":\"busy\",\"pane\":\"%1\"}")));
        assertMessage(
                "agent must be",
                () -> HookMapping.generic(json("{\"agent\":\"Ai der|$\",\"status\":\"done\",\"pane\":\"%1\"}")));
        assertMessage("say where", () -> HookMapping.generic(json("{\"agent\":\"aider\",\"status\":\"done\"}")));
    }

    @Test
    void textIsClippedToOneShortLine() throws Exception {
        Signal s =
                HookMapping.generic(json("{\"agent\":\"aider\",\"status\":\"waiting\",\"session\":\"work\",\"title\":\""
                        + "x".repeat(500) + "\",\"message\":\"a\\u0007b\\nc\"}"));
        assertEquals(HookMapping.MAX_TEXT, s.title().length());
        assertEquals("a b c", s.message());
        assertEquals("work", s.where().session());
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(part), ex.getMessage());
    }

    /** Claude Code 2.1.145+ lists background work in Stop: while some runs, the agent works on. */
    @Test
    void aStopWithBackgroundTasksRunningKeepsTheAgentWorking() throws Exception {
        Signal busy = HookMapping.claude(
                json("{\"session_id\":\"s1\",\"hook_event_name\":\"Stop\",\"background_tasks\":"
                        + "[{\"id\":\"a1\",\"status\":\"running\"},{\"id\":\"b2\",\"status\":\"completed\"}]}"),
                "%1",
                null);
        assertEquals(dev.muxbar.model.Status.RUNNING, busy.status());
        assertEquals("1 background task running", busy.message());
        Signal done = HookMapping.claude(
                json("{\"session_id\":\"s1\",\"hook_event_name\":\"Stop\",\"background_tasks\":[]}"), "%1", null);
        assertEquals(dev.muxbar.model.Status.DONE, done.status());
        assertEquals(Signal.Cue.TURN_END, done.cue());
        Signal old = HookMapping.claude(json("{\"session_id\":\"s1\",\"hook_event_name\":\"Stop\"}"), "%1", null);
        assertEquals(dev.muxbar.model.Status.DONE, old.status(), "versions without the field");
    }
}
