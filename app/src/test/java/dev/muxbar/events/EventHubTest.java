package dev.muxbar.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.agents.AgentFixtures;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.state.ManualScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EventHubTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final EventHub hub = new EventHub(clock, clock);
    private final Snapshot snap = AgentFixtures.snapshot("claude", true, false);

    /** A client that records what it gets; {@code stalled}: its writes never complete. */
    private static final class Recorder implements EventHub.Sink {
        final List<String> writes = new ArrayList<>();
        final boolean stalled;
        boolean closed;
        Consumer<Throwable> held; // set by hold(): the completion of the write in flight

        boolean holding;

        Recorder(boolean stalled) {
            this.stalled = stalled;
        }

        /** From now on each write completes only when {@link #complete} is called. */
        void hold() {
            holding = true;
        }

        void complete() {
            Consumer<Throwable> d = held;
            held = null;
            d.accept(null);
        }

        @Override
        public void write(String text, Consumer<Throwable> done) {
            writes.add(text);
            if (holding) {
                held = done;
            } else if (!stalled) {
                done.accept(null);
            }
        }

        @Override
        public void close() {
            closed = true;
        }

        String all() {
            return String.join("", writes);
        }
    }

    private Model model(Status... statuses) {
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            agents.add(new Agent(
                    "%" + (i + 1),
                    "@" + (i + 1),
                    "$" + (i + 1),
                    "claude",
                    null,
                    statuses[i],
                    Source.HOOK,
                    0,
                    "t",
                    null,
                    false));
        }
        return Model.of(snap, OrderBook.EMPTY.reconcile(snap), agents, Set.of());
    }

    private Recorder open(Filter f, String last, boolean stalled) {
        Recorder r = new Recorder(stalled);
        assertTrue(hub.open(f, last, r));
        clock.runReady();
        return r;
    }

    @Test
    void aNewClientGetsASnapshotThenChangesAndAnUnchangedModelSendsNothing() {
        hub.onModel(model(Status.RUNNING));
        Recorder r = open(Filter.ALL, null, false);
        clock.runReady();
        assertEquals(1, r.writes.size());
        assertTrue(r.all().startsWith("id: 3\nevent: snapshot\ndata: {\"sessions\":["), r.all());
        hub.onModel(model(Status.RUNNING));
        clock.runReady();
        assertEquals(1, r.writes.size(), "an equal model: no event");
        hub.onModel(model(Status.WAITING));
        clock.runReady();
        assertTrue(r.writes.get(1).startsWith("id: 4\nevent: agent\ndata: {\"pane\":\"%1\""), r.writes.get(1));
        assertTrue(r.writes.get(1).contains("\"status\":\"waiting\""));
        assertFalse(r.all().contains("since"), "no times in payloads");
    }

    @Test
    void aBurstDuringAWriteIsConflatedIntoOneWriteAfterIt() {
        hub.onModel(model(Status.IDLE, Status.IDLE));
        Recorder r = open(Filter.ALL, null, false);
        r.hold();
        int before = r.writes.size();
        for (Status s : List.of(Status.RUNNING, Status.TOOL_RUNNING, Status.RUNNING, Status.WAITING)) {
            hub.onModel(model(s, Status.DONE));
        }
        clock.runReady();
        assertEquals(before + 1, r.writes.size(), "the first model is written, the rest wait for its completion");
        r.complete();
        clock.runReady();
        assertEquals(before + 2, r.writes.size(), "one batch for everything that came during the write");
        String batch = r.writes.get(r.writes.size() - 1);
        assertEquals(1, batch.split("event: agent").length - 1, "one event per changed agent, the latest:\n" + batch);
        assertTrue(batch.contains("\"status\":\"waiting\"") && !batch.contains("tool-running"), batch);
    }

    /**
     * Models come at most once a frame already (Core's throttle, the one frame gate): the stream adds
     * no pacing of its own — a model is written when it comes, or when the write before it completes.
     */
    @Test
    void aModelIsWrittenWhenItComesAndOneDuringAWriteWhenThatWriteCompletes() {
        hub.onModel(model(Status.IDLE));
        Recorder r = open(Filter.ALL, null, false);
        int before = r.writes.size();
        hub.onModel(model(Status.WAITING));
        assertEquals(before + 1, r.writes.size(), "written when the model came, on the same loop step");
        assertTrue(r.writes.get(before).contains("\"status\":\"waiting\""), r.writes.get(before));
        clock.runReady(); // its completion
        r.hold();
        hub.onModel(model(Status.RUNNING));
        hub.onModel(model(Status.DONE));
        clock.runReady();
        assertEquals(before + 2, r.writes.size());
        r.complete();
        clock.runReady();
        assertEquals(before + 3, r.writes.size(), "what came during the write follows its completion");
        assertTrue(r.writes.get(before + 2).contains("\"status\":\"done\""), r.writes.get(before + 2));
    }

    @Test
    void aStalledClientDelaysNobodyIsBoundedAndIsDropped() {
        hub.onModel(model(Status.IDLE));
        Recorder stalled = open(Filter.ALL, null, true);
        Recorder fast = open(Filter.ALL, null, false);
        clock.runReady();
        for (int i = 0; i < 3000; i++) {
            hub.onModel(
                    model(i % 2 == 0 ? Status.RUNNING : Status.TOOL_RUNNING, i % 3 == 0 ? Status.DONE : Status.IDLE));
            clock.runReady();
        }
        assertEquals(1, stalled.writes.size(), "one batch in flight, nothing more written to it");
        assertTrue(fast.writes.size() > 2500, "the other client kept up: " + fast.writes.size());
        clock.advance(EventHub.STALL_MS + EventHub.HEARTBEAT_MS);
        assertTrue(stalled.closed, "dropped after " + EventHub.STALL_MS + " ms without completing a write");
        assertEquals(1, hub.stats().dropped());
        assertEquals(1, hub.stats().clients());
    }

    @Test
    void aReconnectInsideTheRingGetsExactlyWhatItMissedOtherwiseASnapshot() {
        hub.onModel(model(Status.IDLE));
        long seen = hub.stats().lastId();
        hub.onModel(model(Status.RUNNING));
        hub.onModel(model(Status.WAITING));
        Recorder back = open(Filter.ALL, Long.toString(seen), false);
        clock.runReady();
        assertEquals(
                "id: " + (seen + 1) + "\nevent: agent",
                back.all().substring(0, ("id: " + (seen + 1) + "\nevent: agent").length()));
        assertEquals(2, back.all().split("event: agent").length - 1);
        assertFalse(back.all().contains("snapshot"));
        Recorder garbled = open(Filter.ALL, "12abc", false);
        clock.runReady();
        assertTrue(garbled.all().contains("event: snapshot"), garbled.all());
        Recorder current = open(Filter.ALL, Long.toString(hub.stats().lastId()), false);
        clock.runReady();
        assertFalse(current.all().contains("event:"), "nothing missed: " + current.all());
    }

    @Test
    void filtersByTypeSessionAndPane() {
        hub.onModel(model(Status.IDLE, Status.IDLE));
        Recorder onlyPane2 = open(new Filter(Filter.types("agents"), null, "%2"), null, false);
        clock.runReady();
        hub.onModel(model(Status.RUNNING, Status.WAITING));
        clock.runReady();
        String got = onlyPane2.writes.get(onlyPane2.writes.size() - 1);
        assertTrue(got.contains("\"pane\":\"%2\"") && !got.contains("\"pane\":\"%1\""), got);
        assertTrue(onlyPane2.writes.get(0).contains("\"agents\":[{\"pane\":\"%2\""), "the snapshot is filtered too");
        try {
            Filter.types("agents,bogus");
            throw new AssertionError("accepted an unknown type");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("bogus"));
        }
    }

    /** Found by scripts/bench/events: a response that refused a write at once stopped every later flush. */
    @Test
    void aClientWhoseWriteThrowsIsDroppedAndTheOthersGoOn() {
        hub.onModel(model(Status.IDLE));
        EventHub.Sink broken = new EventHub.Sink() {
            @Override
            public void write(String text, Consumer<Throwable> done) {
                throw new IllegalStateException("closed");
            }

            @Override
            public void close() {
                throw new IllegalStateException("closed");
            }
        };
        assertTrue(hub.open(Filter.ALL, null, broken));
        clock.runReady();
        Recorder fine = open(Filter.ALL, null, false);
        clock.runReady();
        hub.onModel(model(Status.WAITING));
        clock.runReady();
        assertTrue(fine.all().contains("\"status\":\"waiting\""), fine.all());
        assertEquals(1, hub.stats().clients());
    }

    @Test
    void clientsAreCapped() {
        for (int i = 0; i < EventHub.MAX_CLIENTS; i++) {
            assertTrue(hub.open(Filter.ALL, null, new Recorder(false)));
        }
        assertFalse(hub.open(Filter.ALL, null, new Recorder(false)));
    }
}
