package dev.muxbar.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.model.Agent;
import dev.muxbar.model.Choices;
import dev.muxbar.model.HostView;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.RemoteSession;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.testing.Snapshots;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The other machines on the event stream: one {@code host} event per change, none for the clock alone. */
class HostEventsTest {

    private final Snapshot snap = Snapshots.of(1, 1, "$0", "a");

    private Model with(HostView... hosts) {
        return Model.of(
                snap, OrderBook.EMPTY.reconcile(snap), List.of(), Set.of(), Choices.DEFAULT, Map.of(), List.of(hosts));
    }

    private static HostView devbox(String state, long since, Status status) {
        Agent a = new Agent(
                "%3", "@1", "$2", "claude", null, status, Source.SCREEN, 0, null, null, false, null, "devbox");
        return new HostView(
                "devbox",
                state,
                since,
                "",
                List.of("/t"),
                List.of(new RemoteSession("/t", "train", 2, false, List.of(a))));
    }

    @Test
    void aHostsChangeIsOneEventWithItsSessionsAndAgents() {
        Model before = with(devbox("up", 0, Status.RUNNING));
        List<Changes.Change> first = Changes.between(null, before);
        assertTrue(first.stream().anyMatch(c -> c.type().equals("host")), first.toString());
        assertEquals(List.of(), Changes.between(before, with(devbox("up", 0, Status.RUNNING))), "nothing changed");
        assertEquals(
                List.of(),
                Changes.between(before, with(devbox("up", 9_000, Status.RUNNING))).stream()
                        .filter(c -> c.type().equals("host"))
                        .toList(),
                "only its time: no event (equal states, equal bytes)");
        List<Changes.Change> waits = Changes.between(before, with(devbox("up", 0, Status.WAITING)));
        assertEquals(1, waits.size(), waits.toString());
        assertEquals("host devbox", waits.get(0).key());
        String json = waits.get(0).json();
        assertTrue(
                json.startsWith("{\"host\":\"devbox\",\"state\":\"up\",\"reason\":\"\",\"servers\":[\"/t\"],"
                        + "\"sessions\":[{\"server\":\"/t\",\"name\":\"train\",\"windows\":2,\"attached\":false,"
                        + "\"agents\":[{\"pane\":\"%3\",\"agent\":\"claude\",\"host\":\"devbox\""),
                json);
        assertTrue(json.contains("\"status\":\"waiting\""), json);
        assertTrue(
                Changes.snapshot(before, new Filter(Filter.types("agents,sessions"), null, null))
                                .indexOf("\"hosts\"")
                        < 0,
                "a remote daemon's reader asks for sessions and agents: no hosts travel on");
        assertTrue(Changes.snapshot(before, Filter.ALL).contains("\"hosts\":[{\"host\":\"devbox\""));
    }
}
