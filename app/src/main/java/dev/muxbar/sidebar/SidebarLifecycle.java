package dev.muxbar.sidebar;

import dev.muxbar.model.Choices;
import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Snapshot.Pane;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.model.Snapshot.Window;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.Formats.Part;
import dev.muxbar.tmux.TmuxCommand;
import dev.muxbar.tmux.TmuxGateway;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The sidebars as tmux panes: runs what the {@link Planner} decides (create, kill, resize, close a
 * window left with only a sidebar) for the user's {@link Choices}, remembers what it asked for until
 * tmux shows it, and tells tmux the kept width ({@code @muxbar-width}). On the loop only; tmux's
 * replies are posted back to it.
 *
 * <p>A create is pending until a snapshot shows a sidebar in that window. While tmux has not answered
 * its split-window it is never asked again (a busy server queues the splits of many windows for
 * seconds; asking again then made a second sidebar in each); once answered, at most
 * {@link #PENDING_MS} (then it is asked again). A resize settles for {@link #SETTLE_MS} before the
 * width is repaired again. A new pane is handed to {@code opened} at once, so it is painted before the next refresh.
 */
public final class SidebarLifecycle {

    /** How long a sidebar tmux made may take to show up in a snapshot before it is requested again. */
    static final long PENDING_MS = 3_000;
    /** How long after a resize the width is left alone (tmux may not have applied it yet). */
    static final long SETTLE_MS = 500;

    private final TmuxGateway tmux;
    private final Scheduler scheduler;
    private final Executor loop;
    private final Consumer<Set<Part>> refresh;
    private final String paneCommand;
    private final BiConsumer<String, Commands.NewPane> opened;
    private final Consumer<String> log;
    private final Map<String, Pending> pendingCreates = new HashMap<>();
    private final Map<String, Long> resizedAt = new HashMap<>();
    private Planner.Settings settings;
    private int toldWidth = -1; // the kept width tmux was told
    private Snapshot last;
    private Set<String> lastViewed = Set.of();
    private Set<String> lastPeeking = Set.of();
    private Choices lastChoices;
    private Scheduler.Cancellable recheck;

    /** A create asked for: {@code answeredAt} is when tmux set its marker, or null while it has not. */
    private record Pending(Long answeredAt) {
        boolean lost(long now) {
            return answeredAt != null && now - answeredAt > PENDING_MS;
        }
    }

    /**
     * @param refresh     asks the loop to read these parts again (tmux sends no notification for
     *                    layout changes outside the control client's session, nor for pane options)
     * @param paneCommand the shell command a sidebar pane runs
     * @param opened      a sidebar tmux just made: window id and pane (on the loop)
     */
    public SidebarLifecycle(
            TmuxGateway tmux,
            Scheduler scheduler,
            Executor loop,
            Consumer<Set<Part>> refresh,
            String paneCommand,
            BiConsumer<String, Commands.NewPane> opened,
            Consumer<String> log) {
        this.tmux = tmux;
        this.scheduler = scheduler;
        this.loop = loop;
        this.refresh = refresh;
        this.paneCommand = paneCommand;
        this.opened = opened;
        this.log = log;
    }

    /**
     * Plans and runs the lifecycle for this snapshot and these choices; windows someone views are
     * served first, and the sidebars that peek ({@code peeking}) keep the width their peek gave them.
     */
    public void plan(Snapshot s, Choices c, Set<String> viewedWindows, Set<String> peeking) {
        Planner.Settings next = new Planner.Settings(c.sidebars(), c.width(), c.right());
        if (settings != null && next.enabled() != settings.enabled()) {
            pendingCreates.clear(); // toggled: what was asked before no longer counts
        }
        if (settings != null && next.width() != settings.width()) {
            resizedAt.clear(); // a new width: repair at once
        }
        settings = next;
        if (c.keptWidth() != toldWidth) {
            toldWidth = c.keptWidth();
            send(Commands.setGlobalOption("@muxbar-width", String.valueOf(toldWidth)), false);
        }
        last = s;
        lastChoices = c;
        lastViewed = viewedWindows;
        lastPeeking = peeking;
        long now = scheduler.now();
        pendingCreates.keySet().removeAll(windowsWithSidebar(s)); // arrived
        pendingCreates.values().removeIf(p -> p.lost(now)); // made but never seen: ask again
        resizedAt.values().removeIf(t -> now - t > SETTLE_MS);
        // A sidebar someone peeks through keeps the width the peek gave it (the planner repairs drift of the others).
        Set<String> keepWidth = new java.util.HashSet<>(resizedAt.keySet());
        keepWidth.addAll(peeking);
        List<Planner.Action> actions = new ArrayList<>(Planner.plan(s, settings, pendingCreates.keySet(), keepWidth));
        // Toggling on restores the window being looked at first.
        actions.sort(Comparator.comparing(
                a -> !(a instanceof Planner.Action.Create create && viewedWindows.contains(create.windowId()))));
        for (Planner.Action a : actions) {
            execute(a, now);
        }
        armRecheck();
    }

    /**
     * If a sidebar tmux made never shows up, no new snapshot would come to ask again: a timer plans
     * once more after {@link #PENDING_MS}. Creates tmux has not answered need none (their answer comes).
     */
    private void armRecheck() {
        if (recheck == null && pendingCreates.values().stream().anyMatch(p -> p.answeredAt() != null)) {
            recheck = scheduler.schedule(PENDING_MS + 1, () -> {
                recheck = null;
                if (last != null) {
                    plan(last, lastChoices, lastViewed, lastPeeking);
                }
            });
        }
    }

    public void close() {
        if (recheck != null) {
            recheck.cancel();
            recheck = null;
        }
    }

    private void execute(Planner.Action a, long now) {
        if (a instanceof Planner.Action.Create c) {
            pendingCreates.put(c.windowId(), new Pending(null));
            boolean right = settings.right();
            int width = settings.width();
            TmuxCommand<Optional<Commands.NewPane>> split = Commands.splitEdge(c.windowId(), right, width, paneCommand);
            (userPanes(c.windowId()) < 2
                            ? tmux.send(split)
                            : tmux.send(Commands.windowLayout(c.windowId())).thenCompose(l -> {
                                // Sent together, so tmux lays the panes out right after the split.
                                CompletableFuture<Optional<Commands.NewPane>> made = tmux.send(split);
                                parse(l).flatMap(before -> before.withEdge(right, width, 0))
                                        .ifPresent(after -> send(Commands.relayout(c.windowId(), after), false));
                                return made;
                            }))
                    .whenComplete((pane, err) -> loop.execute(() -> created(c.windowId(), pane, err)));
        } else if (a instanceof Planner.Action.Kill k) {
            log.accept("removing sidebar " + k.paneId() + " (" + k.why() + ")");
            Optional<Window> w = windowOf(k.paneId());
            if (w.isEmpty() || userPanes(w.get().id()) < 2) {
                send(Commands.killPane(k.paneId()), true);
            } else {
                int number = Integer.parseInt(k.paneId().substring(1));
                tmux.send(Commands.windowLayout(w.get().id())).whenComplete((l, err) -> {
                    send(Commands.killPane(k.paneId()), true);
                    parse(l).flatMap(with -> with.withoutEdge(number))
                            .ifPresent(after -> send(Commands.relayout(w.get().id(), after), true));
                });
            }
        } else if (a instanceof Planner.Action.Resize r) {
            resizedAt.put(r.paneId(), now);
            send(Commands.resizePaneWidth(r.paneId(), r.width()), true);
        } else if (a instanceof Planner.Action.CloseWindow w) {
            log.accept("closing window " + w.windowId() + ": only a sidebar was left");
            send(Commands.killWindow(w.windowId()), true);
        } else {
            throw new AssertionError(a);
        }
    }

    /*
     * A sidebar comes and goes without changing the user's panes: in a window of two or more, the
     * split (kill) lays them out again scaled into the columns left (to the whole window), with the
     * rounding that makes going and coming back exact (Layout#scaled). tmux's own split shrinks them
     * its own way, and kill-pane gives all the columns to one neighbour.
     */

    /** The user's panes (not sidebars) in a window of the last snapshot. */
    private long userPanes(String windowId) {
        return last == null
                ? 0
                : last.sessions().stream()
                        .flatMap(x -> x.windows().stream())
                        .filter(w -> w.id().equals(windowId))
                        .findFirst()
                        .map(w -> w.panes().stream().filter(p -> !p.sidebar()).count())
                        .orElse(0L);
    }

    private Optional<Window> windowOf(String paneId) {
        return last == null
                ? Optional.empty()
                : last.sessions().stream()
                        .flatMap(x -> x.windows().stream())
                        .filter(w -> w.panes().stream().anyMatch(p -> p.id().equals(paneId)))
                        .findFirst();
    }

    private static Optional<dev.muxbar.tmux.Layout> parse(String layout) {
        try {
            return layout == null ? Optional.empty() : Optional.of(dev.muxbar.tmux.Layout.parse(layout.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void created(String windowId, Optional<Commands.NewPane> pane, Throwable err) {
        if (err != null || pane == null || pane.isEmpty()) {
            pendingCreates.remove(windowId);
            log.accept(
                    "cannot create a sidebar in " + windowId + ": " + (err == null ? "no pane id" : err.getMessage()));
            return;
        }
        if (settings.enabled()) {
            opened.accept(windowId, pane.get());
        }
        // A pane option changes no notification: ask for the panes part once the marker is set. The
        // time to show up starts then, not at the split's answer: a busy server answers the marker
        // after every split queued before it (500 windows: seconds), and a snapshot cannot tell an
        // unmarked sidebar from none (a second sidebar was made for hundreds of windows).
        tmux.send(Commands.setPaneOption(pane.get().id(), "@muxbar-sidebar", "1"))
                .whenComplete((r, e) -> {
                    refresh.accept(EnumSet.of(Part.PANES));
                    loop.execute(() -> marked(windowId));
                });
    }

    private void marked(String windowId) {
        if (pendingCreates.computeIfPresent(windowId, (w, p) -> new Pending(scheduler.now())) != null) {
            armRecheck(); // its time to show up starts now
        }
    }

    /** Sends a command; {@code layout}: it changes windows or panes, so they are read again at once. */
    private void send(TmuxCommand<Void> command, boolean layout) {
        tmux.send(command).whenComplete((r, e) -> {
            if (e != null) {
                log.accept(command.line() + ": " + e.getMessage());
            }
            if (layout) {
                refresh.accept(EnumSet.of(Part.WINDOWS, Part.PANES));
            }
        });
    }

    private static Set<String> windowsWithSidebar(Snapshot s) {
        Set<String> out = new HashSet<>();
        for (Session session : s.sessions()) {
            for (Window w : session.windows()) {
                if (w.panes().stream().anyMatch(Pane::sidebar)) {
                    out.add(w.id());
                }
            }
        }
        return out;
    }
}
