package dev.muxbar.state;

import dev.muxbar.state.Event.OrderEdit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The state's single writer: handles {@link Event}s on the event loop, keeps the latest snapshot and
 * order book, and publishes a {@link Model} to subscribers only when its content changed.
 */
public final class Core {

    /** Counters for benchmarks and {@code /health}; a consistent copy, safe to read from any thread. */
    public record Stats(long events, long marks, long refreshes, long publishes, long refreshFailures) {}

    /** Debounce, max wait and reconciliation period in milliseconds. */
    public record Timing(long debounce, long maxWait, long reconcile) {
        public static final Timing DEFAULT = new Timing(16, 100, 5_000);
    }

    private final Scheduler scheduler;
    private final Executor loop;
    private final Supplier<? extends CompletionStage<Snapshot>> refresher;
    private final Timing timing;
    private final Consumer<String> log;
    private final RefreshCoalescer coalescer;
    private final List<ConflatingSlot<Model>> subscribers = new CopyOnWriteArrayList<>();

    private Snapshot snapshot = Snapshot.EMPTY;
    private OrderBook book;
    private volatile Model published;
    private volatile Stats stats = new Stats(0, 0, 0, 0, 0);
    private long events;
    private long publishes;
    private long failures;
    private Scheduler.Cancellable reconcileTimer;

    public Core(Scheduler scheduler, Executor loop, Supplier<? extends CompletionStage<Snapshot>> refresher,
                OrderBook initialBook, Timing timing, Consumer<String> log) {
        this.scheduler = scheduler;
        this.loop = loop;
        this.refresher = refresher;
        this.book = initialBook;
        this.timing = timing;
        this.log = log;
        this.coalescer = new RefreshCoalescer(scheduler, loop, timing.debounce(), timing.maxWait(), this::startRefresh);
    }

    /** Posts an event to the loop; safe from any thread. */
    public void post(Event e) {
        loop.execute(() -> handle(e));
    }

    /** Starts the first refresh and the reconciliation poll (call on the loop). */
    public void start() {
        coalescer.markDirty();
        reconcileTimer = scheduler.every(timing.reconcile(), () -> handle(new Event.Reconcile()));
    }

    /** Stops timers (call on the loop). */
    public void stop() {
        if (reconcileTimer != null) {
            reconcileTimer.cancel();
        }
        coalescer.stop();
    }

    /** Handles one event; only ever called on the loop thread. */
    public void handle(Event e) {
        events++;
        if (e instanceof Event.TmuxChanged || e instanceof Event.Reconcile) {
            coalescer.markDirty();
        } else if (e instanceof Event.Refreshed r) {
            snapshot = r.snapshot();
            book = book.reconcile(snapshot);
            publishIfChanged();
        } else if (e instanceof Event.RefreshFailed f) {
            failures++;
            log.accept("refresh failed: " + f.reason());
        } else if (e instanceof Event.EditOrder edit) {
            applyEdit(edit.edit(), edit.done());
        }
        stats = new Stats(events, coalescer.marks(), coalescer.refreshes(), publishes, failures);
    }

    private void applyEdit(OrderEdit edit, CompletableFuture<String> done) {
        if (snapshot == Snapshot.EMPTY) {
            done.completeExceptionally(new IllegalStateException("the daemon has not read tmux yet"));
            return;
        }
        try {
            if (edit instanceof OrderEdit.Move m) {
                book = book.move(snapshot, m.sessionId(), m.position());
            } else if (edit instanceof OrderEdit.Hide h) {
                book = book.hide(snapshot, h.sessionId());
            } else if (edit instanceof OrderEdit.Unhide u) {
                book = book.unhide(snapshot, u.sessionId());
            } else if (edit instanceof OrderEdit.Reset) {
                book = book.resetOrder();
            }
        } catch (IllegalArgumentException ex) {
            done.completeExceptionally(ex);
            return;
        }
        publishIfChanged();
        done.complete("ok");
    }

    private CompletionStage<?> startRefresh() {
        return refresher.get().handle((s, err) -> {
            loop.execute(() -> handle(s != null ? new Event.Refreshed(s)
                    : new Event.RefreshFailed(String.valueOf(err))));
            return null;
        });
    }

    private void publishIfChanged() {
        Model next = Model.of(snapshot, book);
        if (next.equals(published)) {
            return;
        }
        published = next;
        publishes++;
        for (ConflatingSlot<Model> s : subscribers) {
            s.offer(next);
        }
    }

    /** Adds a subscriber; it gets the current model at once if there is one. */
    public ConflatingSlot<Model> subscribe(Executor executor, Consumer<Model> consumer) {
        ConflatingSlot<Model> slot = new ConflatingSlot<>(executor, consumer);
        subscribers.add(slot);
        Model m = published;
        if (m != null) {
            slot.offer(m);
        }
        return slot;
    }

    public void unsubscribe(ConflatingSlot<Model> slot) {
        subscribers.remove(slot);
    }

    /** The latest published model, or null before the first refresh. Any thread. */
    public Model model() {
        return published;
    }

    public Stats stats() {
        return stats;
    }
}
