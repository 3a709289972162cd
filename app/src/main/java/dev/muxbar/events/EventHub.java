package dev.muxbar.events;

import dev.muxbar.model.Model;
import dev.muxbar.model.Scheduler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One broadcast path for everything the daemon publishes: each new model becomes events (after the
 * model's own dedup: an unchanged model sends nothing), numbered, kept in a replay ring of the last
 * {@link #RING_EVENTS} events or {@link #RING_BYTES}, whichever is less, and queued per client.
 *
 * <p>Per client, by construction, nothing grows and nobody waits for anybody:
 * <ul>
 *   <li>its queue conflates: a newer event with the same key (the same agent, the session list, the
 *       theme) replaces the unsent older one, so it is bounded by the number of keys, and in any case
 *       by {@link #CLIENT_BYTES}; past that the client is told ({@code event: overflow}) and gets a
 *       snapshot instead of what it missed;</li>
 *   <li>writes are asynchronous, one in flight per client (a batch of everything pending when the
 *       last one completed); a client whose write has not completed for {@link #STALL_MS} is dropped —
 *       a stalled reader holds one batch and delays no other client;</li>
 *   <li>no pacing of its own: models come at most once a frame (Core's {@code PublishThrottle}, the
 *       one frame gate), so a model is written at once to every client not busy with a write;</li>
 *   <li>a heartbeat comment every {@link #HEARTBEAT_MS} keeps quiet connections open and finds gone ones;</li>
 *   <li>at most {@link #MAX_CLIENTS} clients.</li>
 * </ul>
 * A client that reconnects with {@code Last-Event-ID} inside the ring gets exactly what it missed
 * (filtered); otherwise, and for a new client, a snapshot comes first. Loop-confined: models and
 * write completions arrive on the loop; {@link #open} may be called from any thread.
 */
public final class EventHub {

    public static final int RING_EVENTS = 1024;
    public static final int RING_BYTES = 1 << 20;
    public static final int CLIENT_BYTES = 1 << 20;
    public static final long HEARTBEAT_MS = 2_500;
    public static final long STALL_MS = 30_000;
    public static final int MAX_CLIENTS = 64;

    /** Where a client's bytes go: asynchronous writes, each reporting its end once (null: written). */
    public interface Sink {
        void write(String text, java.util.function.Consumer<Throwable> done);

        /** Ends the response (the client is dropped or the daemon stops). */
        void close();
    }

    private record Event(long id, Changes.Change change, String text, int size) {}

    private final class Client {
        final Filter filter;
        final Sink sink;
        final Map<String, Event> pending = new LinkedHashMap<>();
        long pendingBytes;
        String preamble = "";
        boolean inFlight;
        long inFlightSince;
        long lastWrite;
        boolean closed;

        Client(Filter filter, Sink sink) {
            this.filter = filter;
            this.sink = sink;
        }
    }

    private final Scheduler scheduler;
    private final Executor loop;
    private final List<Client> clients = new ArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private final ArrayDeque<Event> ring = new ArrayDeque<>();
    private long ringBytes;
    private long lastId;
    private Model model;
    private Scheduler.Cancellable heartbeat;
    private long published;
    private long dropped;
    private long writes;

    public EventHub(Scheduler scheduler, Executor loop) {
        this.scheduler = scheduler;
        this.loop = loop;
    }

    /** A new model (on the loop): its changes become events. */
    public void onModel(Model m) {
        List<Changes.Change> changes = Changes.between(model, m);
        model = m;
        for (Changes.Change c : changes) {
            String text = "id: " + (++lastId) + "\nevent: " + c.type() + "\ndata: " + c.json() + "\n\n";
            Event e = new Event(lastId, c, text, bytes(text));
            published++;
            ring.addLast(e);
            ringBytes += e.size();
            while (ring.size() > RING_EVENTS || ringBytes > RING_BYTES) {
                ringBytes -= ring.removeFirst().size();
            }
            for (Client cl : clients) {
                offer(cl, e);
            }
        }
        if (!changes.isEmpty()) {
            flush();
        }
    }

    /**
     * A client: false when there are too many. {@code lastEventId}: the id its last connection saw
     * (null or not a number: a snapshot first).
     */
    public boolean open(Filter filter, String lastEventId, Sink sink) {
        if (count.incrementAndGet() > MAX_CLIENTS) {
            count.decrementAndGet();
            return false;
        }
        loop.execute(() -> {
            Client c = new Client(filter, sink);
            c.lastWrite = scheduler.now();
            clients.add(c);
            c.preamble = resume(c, parse(lastEventId));
            if (heartbeat == null) {
                heartbeat = scheduler.every(HEARTBEAT_MS, this::heartbeats);
            }
            flush();
        });
        return true;
    }

    /** Clients now, events published, clients dropped (for /health and benchmarks). */
    public record Stats(int clients, long lastId, long published, long dropped, int ring, long writes) {}

    public Stats stats() {
        return new Stats(count.get(), lastId, published, dropped, ring.size(), writes);
    }

    /** Ends every client (daemon exit). */
    public void close() {
        loop.execute(() -> {
            for (Client c : new ArrayList<>(clients)) {
                drop(c, false);
            }
            if (heartbeat != null) {
                heartbeat.cancel();
            }
        });
    }

    private String resume(Client c, Long after) {
        if (after != null && after == lastId) {
            return ": resumed, nothing missed\n\n";
        }
        if (after != null
                && after < lastId
                && !ring.isEmpty()
                && ring.peekFirst().id() <= after + 1) {
            StringBuilder sb = new StringBuilder();
            for (Event e : ring) {
                if (e.id() > after
                        && c.filter.accepts(
                                e.change().type(),
                                e.change().session(),
                                e.change().pane())) {
                    sb.append(e.text());
                }
            }
            return sb.toString();
        }
        return snapshot(c);
    }

    private String snapshot(Client c) {
        return model == null
                ? ""
                : "id: " + lastId + "\nevent: snapshot\ndata: " + Changes.snapshot(model, c.filter) + "\n\n";
    }

    private void offer(Client c, Event e) {
        Changes.Change ch = e.change();
        if (c.closed || !c.filter.accepts(ch.type(), ch.session(), ch.pane())) {
            return;
        }
        Event old = c.pending.remove(ch.key());
        if (old != null) {
            c.pendingBytes -= old.size();
        }
        c.pending.put(ch.key(), e);
        c.pendingBytes += e.size();
        if (c.pendingBytes > CLIENT_BYTES) {
            // Behind its bound: what it missed is replaced by the state now.
            int missed = c.pending.size();
            c.pending.clear();
            c.pendingBytes = 0;
            c.preamble = "event: overflow\ndata: {\"missed\":" + missed + "}\n\n" + snapshot(c);
        }
    }

    /** Writes what is pending to every client not busy with a write (those follow when it completes). */
    private void flush() {
        long now = scheduler.now();
        for (Client c : new ArrayList<>(clients)) {
            if (c.inFlight) {
                if (now - c.inFlightSince > STALL_MS) {
                    drop(c, true);
                }
                continue; // its write's completion flushes it again; the heartbeat finds a stall
            }
            writePending(c);
        }
    }

    /** One write of everything pending for a client (its preamble first), if anything is. */
    private void writePending(Client c) {
        if (c.pending.isEmpty() && c.preamble.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(c.preamble);
        c.pending.values().forEach(e -> sb.append(e.text()));
        c.preamble = "";
        c.pending.clear();
        c.pendingBytes = 0;
        write(c, sb.toString());
    }

    private void heartbeats() {
        long now = scheduler.now();
        for (Client c : new ArrayList<>(clients)) {
            if (c.inFlight && now - c.inFlightSince > STALL_MS) {
                drop(c, true);
            } else if (!c.inFlight && now - c.lastWrite >= HEARTBEAT_MS) {
                write(c, ": heartbeat\n\n");
            }
        }
        if (clients.isEmpty() && heartbeat != null) {
            heartbeat.cancel();
            heartbeat = null;
        }
    }

    private void write(Client c, String text) {
        c.inFlight = true;
        c.inFlightSince = scheduler.now();
        c.lastWrite = c.inFlightSince;
        writes++;
        try {
            c.sink.write(
                    text,
                    err -> loop.execute(() -> {
                        c.inFlight = false;
                        if (err != null) {
                            drop(c, false); // the client went
                        } else if (!c.closed) {
                            writePending(c); // what came while it was in flight
                        }
                    }));
        } catch (RuntimeException e) {
            // A response that already failed may refuse at once instead of through the callback: that
            // client is gone, and must not stop the flush of the others.
            c.inFlight = false;
            drop(c, false);
        }
    }

    private void drop(Client c, boolean stalled) {
        if (c.closed) {
            return;
        }
        c.closed = true;
        clients.remove(c);
        count.decrementAndGet();
        if (stalled) {
            dropped++;
        }
        try {
            c.sink.close();
        } catch (RuntimeException e) {
            // already closed by its side
        }
    }

    private static Long parse(String id) {
        if (id == null || !id.strip().matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(id.strip());
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
