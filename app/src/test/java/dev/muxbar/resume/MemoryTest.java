package dev.muxbar.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the memory keeps: an agent that runs no more while its server lives was ended by the user; one
 * that went with the server can be brought back; hibernated ones too; bounded; saved and read back,
 * and a file that is not one is kept aside.
 */
class MemoryTest {

    @TempDir
    Path dir;

    static Remembered r(String agent, String id, String pane) {
        return new Remembered(
                agent,
                id,
                "/src",
                List.of(agent),
                Map.of(),
                "work",
                1,
                "edit",
                0,
                pane,
                "idle",
                1,
                Remembered.State.LIVE,
                0,
                null);
    }

    @Test
    void anAgentThatStopsWhileTheServerLivesIsEndedOneThatWentWithItComesBack() {
        Memory m = Memory.EMPTY.seen(List.of(r("claude", "a", "%1"), r("codex", "b", "%2")), true);
        assertEquals(List.of(), m.resumable(), "both run");
        m = m.seen(List.of(r("codex", "b", "%2")), true); // claude quit
        assertEquals(Remembered.State.ENDED, m.get("claude a").state());
        assertEquals(
                List.of("claude a"), m.ended().stream().map(Remembered::key).toList());
        m = m.seen(List.of(), false); // the server went: nobody's choice
        assertEquals(Remembered.State.LIVE, m.get("codex b").state());
        Memory afterRestart = new Memory(m.entries(), java.util.Set.of());
        assertEquals(
                List.of("codex b"),
                afterRestart.resumable().stream().map(Remembered::key).toList());
        Memory hibernated =
                afterRestart.mark("codex b", Remembered.State.HIBERNATED, null).freed("codex b", 812_000);
        assertEquals(812_000, hibernated.resumable().get(0).freedKb());
    }

    @Test
    void anAgentWhoseIdBecameKnownIsOneEntryNotAnEndedOne() {
        Memory m = Memory.EMPTY.seen(List.of(r("claude", null, "%1")), true);
        m = m.seen(List.of(r("claude", "uuid-1", "%1")), true);
        assertEquals(
                List.of("claude uuid-1"),
                m.entries().stream().map(Remembered::key).toList());
        assertEquals(List.of(), m.ended());
    }

    @Test
    void boundedTheOldestGoFirst() {
        Memory m = Memory.EMPTY;
        List<Remembered> many = IntStream.range(0, Memory.MAX_ENDED + 50)
                .mapToObj(i -> r("claude", "id" + i, "%" + i))
                .toList();
        for (Remembered e : many) {
            m = m.seen(List.of(e), true); // each ends the one before
        }
        assertEquals(Memory.MAX_ENDED, m.ended().size());
        assertEquals("claude id" + (Memory.MAX_ENDED + 48), m.ended().get(0).key(), "most recent first");
        assertTrue(m.get("claude id0") == null, "the oldest went");
    }

    @Test
    void savedAndReadBackAndAForeignFileIsKeptAside() throws Exception {
        List<String> log = new ArrayList<>();
        Path f = dir.resolve("agents.json");
        MemoryStore store = new MemoryStore(f, log::add);
        Remembered e = new Remembered(
                "codex",
                "019a",
                "/src/x",
                List.of("codex", "-m", "o3"),
                Map.of("CODEX_HOME", "/h"),
                "api \"v2\"",
                3,
                "tests",
                1,
                "%9",
                "done",
                1_700_000_000_000L,
                Remembered.State.HIBERNATED,
                900,
                null);
        store.save(new Memory(List.of(e), java.util.Set.of("codex 019a")));
        assertEquals(
                "rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        Memory back = store.load();
        assertEquals(List.of(e), back.entries());
        assertEquals(List.of(e), back.resumable(), "nothing runs after a load");
        Files.writeString(f, "{\"version\":7,\"agents\":[]}");
        assertEquals(Memory.EMPTY, store.load());
        assertTrue(log.get(0).contains("agents.json"), log.toString());
        assertTrue(
                Files.list(dir).anyMatch(p -> p.getFileName().toString().startsWith("agents.json.corrupt")),
                "kept aside");
    }
}
