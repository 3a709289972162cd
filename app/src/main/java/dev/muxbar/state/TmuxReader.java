package dev.muxbar.state;

import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Snapshot;
import dev.muxbar.tmux.Formats.Part;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reading tmux for {@link Core}: which parts of the snapshot are dirty, one coalesced refresh of them
 * at a time ({@link RefreshCoalescer}), the process scans of the panes (pane commands change without
 * notifications, so they are also polled), the reconciliation poll, and the follow-up reads of new
 * clients. What it reads comes back to the loop as events ({@link Event.Refreshed},
 * {@link Event.PanesScanned}, {@link Event.RefreshFailed}) through {@code handle}; Core applies them.
 * On the loop only.
 */
final class TmuxReader {

    /**
     * tmux learns a client's terminal features (RGB among them) from the terminal's answers to its
     * queries, moments after the client attached, and sends no notification when they arrive: a
     * client read at attach time looks low-colour until the next refresh. New clients therefore get
     * two follow-up reads of the client list.
     */
    static final long[] CLIENT_RECHECK_MS = {250, 1_500};

    private final Scheduler scheduler;
    private final Executor loop;
    private final BiFunction<Set<Part>, Map<String, Snapshot.PaneProcess>, ? extends CompletionStage<Snapshot>>
            refresher;
    private final Supplier<? extends CompletionStage<Map<String, Snapshot.PaneProcess>>> scanner;
    private final CoreTiming timing;
    private final Consumer<Event> handle;
    private final RefreshCoalescer coalescer;
    private final RefreshCoalescer scans;
    private final EnumSet<Part> dirty = EnumSet.allOf(Part.class);
    private Map<String, Snapshot.PaneProcess> processes = Map.of();
    private Scheduler.Cancellable reconcileTimer;
    private Scheduler.Cancellable scanTimer;
    private boolean stopped;

    TmuxReader(
            Scheduler scheduler,
            Executor loop,
            BiFunction<Set<Part>, Map<String, Snapshot.PaneProcess>, ? extends CompletionStage<Snapshot>> refresher,
            Supplier<? extends CompletionStage<Map<String, Snapshot.PaneProcess>>> scanner,
            CoreTiming timing,
            Consumer<Event> handle) {
        this.scheduler = scheduler;
        this.loop = loop;
        this.refresher = refresher;
        this.scanner = scanner;
        this.timing = timing;
        this.handle = handle;
        this.coalescer = new RefreshCoalescer(scheduler, loop, timing.debounce(), timing.maxWait(), this::startRefresh);
        this.scans =
                new RefreshCoalescer(scheduler, loop, timing.scanDebounce(), timing.scanMaxWait(), this::startScan);
    }

    /** The first refresh, the reconciliation poll and the scan poll. */
    void start() {
        coalescer.markDirty();
        reconcileTimer = scheduler.every(timing.reconcile(), () -> handle.accept(new Event.Reconcile()));
        scanTimer = scheduler.every(timing.scanPoll(), scans::markDirty);
    }

    void stop() {
        stopped = true;
        if (reconcileTimer != null) {
            reconcileTimer.cancel();
            scanTimer.cancel();
        }
        coalescer.stop();
        scans.stop();
    }

    /** Something in tmux may have changed: which parts to read again, and whether to scan processes. */
    void changed(Event.TmuxChanged t) {
        Set<Part> parts = RefreshParts.of(t.notification());
        if (!parts.isEmpty()) {
            dirty.addAll(parts);
            coalescer.markDirty();
        }
        if (RefreshParts.suggestsNewCommand(t.notification())) {
            scans.markDirty();
        }
    }

    /** Asked for by the daemon after its own command: no burst follows, so no debounce. */
    void readSoon(Set<Part> parts) {
        dirty.addAll(parts);
        coalescer.markUrgent();
    }

    /** Everything again (the reconciliation poll: tmux does not notify every change). */
    void reconcile() {
        dirty.addAll(EnumSet.allOf(Part.class));
        coalescer.markDirty();
    }

    /**
     * A snapshot read from tmux, replacing {@code before}: with the processes known now (a scan that
     * landed during the refresh is applied here), and new panes and clients read again soon.
     */
    Snapshot refreshed(Snapshot before, Snapshot read) {
        Set<String> live = read.paneIds();
        if (!processes.keySet().equals(live)) {
            processes = Snapshot.PaneProcess.of(processes, live); // bounded by live panes
            if (!processes.keySet().containsAll(live)) {
                scans.markDirty(); // new panes: learn what they run soon
            }
        }
        recheckNewClients(before, read);
        return read.withProcesses(processes);
    }

    /** A process scan: {@code current} with what its panes run. */
    Snapshot scanned(Snapshot current, Map<String, Snapshot.PaneProcess> scanned) {
        processes = Snapshot.PaneProcess.of(scanned, current.paneIds());
        return current.withProcesses(processes);
    }

    long marks() {
        return coalescer.marks();
    }

    long refreshes() {
        return coalescer.refreshes();
    }

    long scans() {
        return scans.refreshes();
    }

    private void recheckNewClients(Snapshot before, Snapshot after) {
        if (stopped || !RefreshParts.newClients(before, after)) {
            return;
        }
        for (long delay : CLIENT_RECHECK_MS) {
            scheduler.schedule(delay, () -> {
                if (!stopped) {
                    handle.accept(new Event.Refresh(EnumSet.of(Part.CLIENTS)));
                }
            });
        }
    }

    private CompletionStage<?> startScan() {
        return scanner.get().handle((m, err) -> {
            loop.execute(() -> handle.accept(
                    m != null ? new Event.PanesScanned(m) : new Event.RefreshFailed("pane scan: " + err)));
            return null;
        });
    }

    /** Hands the parts marked so far to one refresh; marks during its flight go to the next. */
    private CompletionStage<?> startRefresh() {
        EnumSet<Part> parts = EnumSet.copyOf(dirty);
        dirty.clear();
        return refresher.apply(parts, processes).handle((s, err) -> {
            if (err != null) {
                loop.execute(() -> dirty.addAll(parts)); // try those parts again next time
            }
            loop.execute(() ->
                    handle.accept(s != null ? new Event.Refreshed(s) : new Event.RefreshFailed(String.valueOf(err))));
            return null;
        });
    }
}
