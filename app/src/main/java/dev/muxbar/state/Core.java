package dev.muxbar.state;

import dev.muxbar.agents.Tracker;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Snapshot;
import dev.muxbar.state.Event.OrderEdit;
import dev.muxbar.tmux.Formats.Part;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The state's single writer: handles {@link Event}s on the event loop, keeps the latest snapshot and
 * order book, and publishes a {@link Model} to subscribers only when its content changed, at most once
 * per frame ({@link PublishThrottle}).
 */
public final class Core {

    /** Counters for benchmarks and {@code /health}; a consistent copy, safe to read from any thread. */
    public record Stats(long events, long marks, long refreshes, long scans, long publishes, long refreshFailures) {}

    private final Executor loop;
    private final Consumer<String> log;
    private final Function<OrderBook, ? extends CompletionStage<?>> save;
    private final TmuxReader reader;
    private final Subscribers subscribers = new Subscribers();
    private final PublishThrottle throttle;

    /** The other machines, in the order they came (bounded by the hosts the user named). */
    private final Map<String, dev.muxbar.model.HostView> hosts = new java.util.LinkedHashMap<>();
    /** The remembered agents that can be brought back (what the agent memory said last). */
    private List<dev.muxbar.model.Resumable> resumable = List.of();
    /** What the agents' processes cost, by pane (the cost sampler's last word). */
    private Map<String, dev.muxbar.model.Cost> costs = Map.of();
    /** What the agents' conversations used, by thread (the transcripts' last word). */
    private Map<String, dev.muxbar.model.Usage> usage = Map.of();

    private Snapshot snapshot = Snapshot.EMPTY;
    private OrderBook book;
    /** The newest model; subscribers get it through {@link #throttle}. */
    private volatile Model published;

    private volatile Stats stats = new Stats(0, 0, 0, 0, 0, 0);
    private long events;
    private long failures;
    private final AgentDesk agents;
    private final ChoiceDesk choices;
    private final MetaDesk metas;

    /** How long a notice stays in the sidebars' footer. */
    public static final long NOTICE_MS = 5_000;

    public Core(
            Scheduler scheduler,
            Executor loop,
            BiFunction<Set<Part>, Map<String, Snapshot.PaneProcess>, ? extends CompletionStage<Snapshot>> refresher,
            Supplier<? extends CompletionStage<Map<String, Snapshot.PaneProcess>>> scanner,
            OrderBook initialBook,
            CoreTiming timing,
            Consumer<String> log,
            CoreParts parts) {
        this.loop = loop;
        this.book = initialBook;
        this.log = log;
        this.reader = new TmuxReader(scheduler, loop, refresher, scanner, timing, this::handle);
        this.throttle = new PublishThrottle(scheduler, timing.publishFrame(), this::deliver);
        this.save = parts.save();
        Tracker tracker = parts.tracker() != null ? parts.tracker() : new Tracker(pid -> 0);
        this.agents =
                new AgentDesk(scheduler, tracker, parts.identify(), this::publishIfChanged, System::currentTimeMillis);
        this.agents.trace(parts.trace());
        this.choices = new ChoiceDesk(scheduler, this::publishIfChanged);
        this.choices.start(parts.choices());
        if (parts.themes() != null) {
            this.choices.themes(parts.themes());
        }
        this.metas = new MetaDesk(scheduler, this::publishIfChanged);
    }

    /** Posts an event to the loop; safe from any thread. */
    public void post(Event e) {
        loop.execute(() -> handle(e));
    }

    /** Starts the first refresh and the reconciliation poll (call on the loop). */
    public void start() {
        reader.start();
    }

    /** Stops timers (call on the loop). */
    public void stop() {
        reader.stop();
        agents.stop();
        choices.stop();
        metas.stop();
        throttle.stop();
    }

    /** Handles one event; only ever called on the loop thread. One dispatch: each type has its branch. */
    public void handle(Event e) {
        events++;
        if (e instanceof Event.TmuxChanged t) {
            reader.changed(t);
        } else if (e instanceof Event.Refresh r) {
            reader.readSoon(r.parts());
        } else if (e instanceof Event.Reconcile) {
            reader.reconcile();
        } else if (e instanceof Event.Refreshed r) {
            refreshed(r);
        } else if (e instanceof Event.PanesScanned p) {
            snapshot = reader.scanned(snapshot, p.processes());
            observeAgents();
            publishIfChanged();
        } else if (e instanceof Event.RefreshFailed f) {
            failures++;
            log.accept("refresh failed: " + f.reason());
        } else if (e instanceof Event.EditOrder edit) {
            applyEdit(edit.edit(), edit.done());
        } else if (e instanceof Event.AgentSignal a) {
            agentSignal(a);
        } else if (e instanceof Event.AgentScreen sc) {
            agents.screen(sc.pane(), sc.text());
        } else if (e instanceof Event.SetMeta sm) {
            metas.apply(sm.sessionId(), sm.change());
            if (sm.done() != null) {
                sm.done().complete(null);
            }
        } else if (e instanceof Event.HostChanged h) {
            if (h.view() == null) {
                hosts.remove(h.name());
            } else {
                hosts.put(h.name(), h.view());
            }
            publishIfChanged();
        } else if (e instanceof Event.UsageChanged u) {
            usage = u.now();
            publishIfChanged();
        } else if (e instanceof Event.CostsChanged c) {
            costs = c.now();
            publishIfChanged();
        } else if (e instanceof Event.ResumableChanged r) {
            resumable = r.now();
            publishIfChanged();
        } else if (e instanceof Event.ExplainAgents x) {
            x.done().complete(agents.explain(x.pane()));
        } else if (e instanceof Event.ToggleMute
                || e instanceof Event.SetSidebars
                || e instanceof Event.SetWidth
                || e instanceof Event.ShowNotice
                || e instanceof Event.ChooseTheme
                || e instanceof Event.ThemeShown) {
            choices.handle(e); // publishes through its callback, as every desk does
        } else {
            throw new AssertionError(e);
        }
        updateStats();
    }

    private void updateStats() {
        stats = new Stats(events, reader.marks(), reader.refreshes(), reader.scans(), throttle.deliveries(), failures);
    }

    /** A snapshot read from tmux. */
    private void refreshed(Event.Refreshed r) {
        snapshot = reader.refreshed(snapshot, r.snapshot());
        book = book.reconcile(snapshot);
        metas.retain(snapshot.sessions().stream().map(x -> x.id()).collect(java.util.stream.Collectors.toSet()));
        observeAgents();
        publishIfChanged();
    }

    /** The sender waits for {@code done} (an HTTP reply): it completes even when applying fails. */
    private void agentSignal(Event.AgentSignal a) {
        Tracker.Outcome outcome;
        try {
            outcome = agents.signal(a.signal());
        } catch (RuntimeException e) {
            if (a.done() != null) {
                a.done().completeExceptionally(e);
            }
            throw e;
        }
        if (a.done() != null) {
            a.done().complete(outcome);
        }
    }

    private void applyEdit(OrderEdit edit, CompletableFuture<Void> done) {
        if (snapshot == Snapshot.EMPTY) {
            done.completeExceptionally(new IllegalStateException("the daemon has not read tmux yet"));
            return;
        }
        try {
            book = edit.applyTo(book, snapshot);
        } catch (IllegalArgumentException ex) {
            done.completeExceptionally(ex);
            return;
        }
        publishIfChanged();
        save.apply(book).whenComplete((v, err) -> {
            if (err == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(
                        new java.io.IOException("the order changed but could not be saved: " + err.getMessage(), err));
            }
        });
    }

    /** A new snapshot: agents of gone panes or exited processes end, viewed windows clear unseen marks. */
    private void observeAgents() {
        agents.observe(snapshot);
        choices.retainSessions(snapshot);
    }

    private void publishIfChanged() {
        Model next = Model.of(
                snapshot,
                book,
                agents.agents(),
                choices.muted(),
                choices.choices(),
                metas.meta(),
                List.copyOf(hosts.values()),
                resumable,
                costs,
                usage);
        if (next.equals(published)) {
            return;
        }
        published = next;
        throttle.changed();
    }

    /** Hands the newest model to every subscriber (by {@link #throttle}, at most once per frame). */
    private void deliver() {
        subscribers.offer(published);
        updateStats(); // a delivery by the throttle's timer follows no event
    }

    /** Adds a subscriber; it gets the current model at once if there is one. */
    public ConflatingSlot<Model> subscribe(Executor executor, Consumer<Model> consumer) {
        return subscribers.add(executor, consumer, null, this::model);
    }

    /** The same, offered a model only when {@code part} of it changed ({@link Subscribers#add}). */
    public ConflatingSlot<Model> subscribe(Executor executor, Consumer<Model> consumer, Function<Model, ?> part) {
        return subscribers.add(executor, consumer, part, this::model);
    }

    public void unsubscribe(ConflatingSlot<Model> slot) {
        subscribers.remove(slot);
    }

    /**
     * The newest model, or null before the first refresh; subscribers may get it up to a frame later.
     * Any thread.
     */
    public Model model() {
        return published;
    }

    public Stats stats() {
        return stats;
    }
}
