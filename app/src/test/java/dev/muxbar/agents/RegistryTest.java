package dev.muxbar.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTest {

    private static String entry(long pid, String status, String start) {
        return "{\"pid\":" + pid + ",\"sessionId\":\"s1\",\"cwd\":\"/src\",\"status\":\"" + status
                + "\",\"statusUpdatedAt\":1790000012345,\"procStart\":\"" + start + "\"}";
    }

    @Test
    void statusesMapAndAGoneOrReusedPidSaysNothing() {
        Signal busy = Registry.parse(entry(42, "busy", "777"), 42, "777");
        assertEquals(Status.RUNNING, busy.status());
        assertEquals(Signal.Cue.IF_NOT_BUSY, busy.cue(), "a coarse busy never erases tool-running");
        assertEquals(Source.REGISTRY, busy.source());
        assertEquals(42L, busy.where().pid());
        assertEquals("s1", busy.thread());
        assertEquals(1790000012345L, busy.at());
        assertEquals(
                Status.WAITING,
                Registry.parse(entry(42, "waiting", "777"), 42, "777").status());
        Signal idle = Registry.parse(entry(42, "idle", "777"), 42, "777");
        assertEquals(Status.DONE, idle.status());
        assertEquals(Signal.Cue.IF_TURN, idle.cue());
        assertNull(Registry.parse(entry(42, "busy", "777"), 42, "999"), "pid reused by another process");
        assertNull(Registry.parse(entry(42, "busy", "777"), 42, null), "process gone");
        assertNull(Registry.parse(entry(43, "busy", "777"), 42, "777"), "a file about another pid");
        assertNull(Registry.parse(entry(42, "pondering", "777"), 42, "777"), "an unknown status: no guess");
        assertNull(Registry.parse("{\"pid\":42,\"sessionId\":\"s1\"}", 42, "777"), "legacy entries carry no status");
        assertNull(Registry.parse("{\"pid\":42,", 42, "777"), "half-written");
    }

    /** Claude 2.1.328 says what it waits for: a question is not a permission (¿ not ?). */
    @Test
    void aWaitingSaysWhatItWaitsFor() {
        String question = entry(42, "waiting", "777").replace("}", ",\"waitingFor\":\"input needed\"}");
        assertEquals(
                dev.muxbar.model.Wait.QUESTION,
                Registry.parse(question, 42, "777").waitsFor());
        String permission = entry(42, "waiting", "777").replace("}", ",\"waitingFor\":\"permission prompt\"}");
        assertEquals(
                dev.muxbar.model.Wait.PERMISSION,
                Registry.parse(permission, 42, "777").waitsFor());
        assertNull(Registry.parse(entry(42, "waiting", "777"), 42, "777").waitsFor(), "not said: the tool decides");
        assertNull(Registry.waitingFor("something new"), "new words: no guess");
    }

    @Test
    void readsOnlyChangedEntriesOfProcessesInPanes(@TempDir Path dir) throws Exception {
        List<String> log = new ArrayList<>();
        Registry r = new Registry(dir, pid -> "777", log::add);
        Files.writeString(dir.resolve("42.json"), entry(42, "busy", "777")); // 42 → 10 (a pane's shell)
        Files.writeString(dir.resolve("55.json"), entry(55, "busy", "777")); // 55 → 1: outside tmux
        Files.writeString(dir.resolve("pid-42.json"), "{\"pid\":42}"); // legacy
        java.util.function.LongUnaryOperator parent = pid -> pid == 42 ? 10 : 1;
        List<Signal> first = r.poll(Set.of(10L), parent);
        assertEquals(1, first.size());
        assertEquals(42L, first.get(0).where().pid());
        assertEquals(0, r.poll(Set.of(10L), parent).size(), "unchanged: not read again");
        Files.writeString(dir.resolve("42.json"), entry(42, "waiting", "777"));
        Files.setLastModifiedTime(
                dir.resolve("42.json"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertEquals(Status.WAITING, r.poll(Set.of(10L), parent).get(0).status());
        assertEquals(List.of(), log);
    }

    @Test
    void aRegistryNeverOverrulesHooksButTellsTheirPromptIsOver() {
        Tracker t = new Tracker(pid -> pid == 42 ? 101 : 1); // 101: pane %1's process
        t.observe(AgentFixtures.snapshot("claude", false, false), java.util.Map.of("%1", "claude"), 0);
        t.apply(
                Signal.of(Source.HOOK, "claude", Status.TOOL_RUNNING, "%1", "s1")
                        .withCue(Signal.Cue.TOOL_OPEN, "t1")
                        .at(1_000),
                0);
        t.apply(Registry.parse(entry(42, "busy", "777"), 42, "777").at(1_001), 1);
        assertEquals(Status.TOOL_RUNNING, t.agents().get(0).status(), "busy is coarser than tool-running");
        t.apply(Signal.of(Source.HOOK, "claude", Status.WAITING, "%1", "s1").at(2_000), 2);
        t.apply(Registry.parse(entry(42, "busy", "777"), 42, "777").at(9_000), 9);
        assertEquals(Status.TOOL_RUNNING, t.agents().get(0).status(), "approved: the call runs");
        t.apply(Registry.parse(entry(42, "idle", "777"), 42, "777").at(10_000), 10);
        assertEquals(Status.TOOL_RUNNING, t.agents().get(0).status(), "under hooks the Stop hook ends turns");
    }
}
