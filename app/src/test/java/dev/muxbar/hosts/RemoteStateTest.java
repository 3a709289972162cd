package dev.muxbar.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.model.RemoteSession;
import dev.muxbar.model.Status;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A remote daemon's event stream, fed as bytes arrive, becomes its sessions and agents — bounded. */
class RemoteStateTest {

    private static final String SNAPSHOT =
            "id: 7\nevent: snapshot\ndata: {\"sessions\":[{\"id\":\"$1\",\"name\":\"work\","
                    + "\"index\":1,\"windows\":2,\"attached\":1},{\"id\":\"$2\",\"name\":\"notes\",\"index\":2,\"windows\":1,"
                    + "\"attached\":0}],\"agents\":[{\"pane\":\"%3\",\"agent\":\"claude\",\"host\":null,\"session\":\"$1\","
                    + "\"sessionName\":\"work\",\"window\":\"@2\",\"status\":\"running\",\"waitsFor\":null,\"source\":\"hook\","
                    + "\"title\":\"fix\",\"message\":null,\"unseen\":false}],\"theme\":\"nord\"}\n\n";

    private static boolean feed(RemoteState s, String text, int chunk) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        boolean changed = false;
        for (int i = 0; i < b.length; i += chunk) {
            changed |= s.feed(b, i, Math.min(b.length, i + chunk)); // events split anywhere, even inside a character
        }
        return changed;
    }

    @Test
    void aSnapshotThenChangesMakeTheSessionsAndTheirAgents() {
        RemoteState s = new RemoteState("devbox", "/tmp/tmux-1000/default");
        assertTrue(feed(s, SNAPSHOT, 7));
        List<RemoteSession> got = s.sessions();
        assertEquals(
                List.of("work", "notes"), got.stream().map(RemoteSession::name).toList());
        assertEquals(2, got.get(0).windows());
        assertTrue(got.get(0).attached());
        assertEquals(Status.RUNNING, got.get(0).agents().get(0).status());
        assertEquals("devbox", got.get(0).agents().get(0).host());
        assertFalse(feed(s, ": heartbeat\n\n", 3), "a heartbeat changes nothing");
        assertTrue(feed(
                s,
                "id: 8\nevent: agent\ndata: {\"pane\":\"%3\",\"agent\":\"claude\",\"session\":\"$1\","
                        + "\"status\":\"waiting\",\"waitsFor\":\"question\"}\n\n",
                5));
        assertEquals(Status.WAITING, s.sessions().get(0).agents().get(0).status());
        assertEquals(
                dev.muxbar.model.Wait.QUESTION,
                s.sessions().get(0).agents().get(0).waitsFor());
        feed(s, "event: agent\ndata: {\"pane\":\"%3\",\"agent\":\"claude\",\"session\":\"$1\",\"gone\":true}\n\n", 64);
        assertEquals(List.of(), s.sessions().get(0).agents());
        feed(s, "event: sessions\ndata: {\"sessions\":[{\"id\":\"$2\",\"name\":\"notes\",\"windows\":1}]}\n\n", 64);
        assertEquals(
                List.of("notes"), s.sessions().stream().map(RemoteSession::name).toList());
    }

    @Test
    void aRemotesDataIsBounded() {
        RemoteState s = new RemoteState("devbox", "/tmp/tmux-1000/default");
        StringBuilder many = new StringBuilder("event: sessions\ndata: {\"sessions\":[");
        for (int i = 0; i < 2_000; i++) {
            many.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"$")
                    .append(i)
                    .append("\",\"name\":\"s")
                    .append(i)
                    .append("\"}");
        }
        feed(s, many.append("]}\n\n").toString(), 4096);
        assertEquals(RemoteState.MAX_SESSIONS, s.sessions().size());
        feed(
                s,
                "event: sessions\ndata: {\"sessions\":[{\"id\":\"$1\",\"name\":\"a\\u001b[2Jb" + "x".repeat(500)
                        + "\"}]}\n\n",
                64);
        String name = s.sessions().get(0).name();
        assertFalse(name.contains("\u001b"), "no control characters");
        assertEquals(RemoteState.MAX_NAME, name.length());
        assertFalse(feed(s, "event: sessions\ndata: not json\n\n", 64), "not JSON: ignored");
        byte[] huge =
                ("event: sessions\ndata: " + "x".repeat(RemoteState.MAX_EVENT + 10)).getBytes(StandardCharsets.UTF_8);
        assertThrows(RemoteState.TooBig.class, () -> s.feed(huge, 0, huge.length), "a 1 MB event ends the stream");
    }
}
