package dev.muxbar.sidebar;

import dev.muxbar.model.Scheduler;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.PaneWatch;
import dev.muxbar.tmux.TmuxGateway;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * The screens sidebars peek at, in any session: an agent's pane is read ({@code capture-pane -e})
 * only while a sidebar peeks at it and only when it may have changed — {@link PaneWatch} looks at its
 * digest every {@link #WATCH_MS} — with at most one capture in flight (a change meanwhile is read
 * right after it). Once a pane has been read {@link #BURST} times within a second it is read every
 * {@link #BUSY_MS} until it has been quiet for a second: a line printed after a quiet spell shows
 * within a tick, and a pane pouring out megabytes costs four captures a second. Nobody peeking: no command at
 * all. On the loop.
 */
final class PeekFeed {

    static final long WATCH_MS = 40;
    static final long BUSY_MS = 250;
    static final int BURST = 8;

    private final TmuxGateway tmux;
    private final PaneWatch panes;
    private final Scheduler scheduler;
    private final Executor loop;
    private final BiConsumer<String, List<String>> shown; // sidebar pane, the agent pane's latest lines
    private final Map<String, Peek> peeks = new HashMap<>(); // by sidebar pane
    private long captures;

    private static final class Peek {
        final String agentPane;
        List<String> last = List.of();
        long reads;
        boolean busy;
        boolean again;
        Scheduler.Cancellable timer;
        PaneWatch.Handle watching;
        final java.util.ArrayDeque<Long> recent = new java.util.ArrayDeque<>(); // capture times in the last second

        Peek(String agentPane) {
            this.agentPane = agentPane;
        }

        boolean spaced; // reads BUSY_MS apart until the pane has been quiet for a second

        /** When the next capture may start: at once, unless the pane streams (read {@link #BURST} times within a second). */
        long nextAt(long now) {
            Long last = recent.peekLast();
            if (last == null || now - last >= 1_000) {
                spaced = false;
            }
            while (!recent.isEmpty() && now - recent.peekFirst() >= 1_000) {
                recent.pollFirst();
            }
            spaced |= recent.size() >= BURST;
            return spaced ? Math.max(now, last + BUSY_MS) : now;
        }
    }

    PeekFeed(
            TmuxGateway tmux,
            PaneWatch panes,
            Scheduler scheduler,
            Executor loop,
            BiConsumer<String, List<String>> shown) {
        this.tmux = tmux;
        this.panes = panes;
        this.scheduler = scheduler;
        this.loop = loop;
        this.shown = shown;
    }

    /** Sidebar {@code sidebarPane} peeks at {@code agentPane} from now on (its screen is read at once). */
    void start(String sidebarPane, String agentPane) {
        stop(sidebarPane);
        Peek p = new Peek(agentPane);
        peeks.put(sidebarPane, p);
        capture(sidebarPane, p);
        p.watching = panes.watch(agentPane, WATCH_MS, pane -> {
            if (peeks.get(sidebarPane) == p) {
                capture(sidebarPane, p);
            }
        });
    }

    /** The sidebar stopped peeking (or went): no more reads. */
    void stop(String sidebarPane) {
        Peek p = peeks.remove(sidebarPane);
        if (p != null) {
            if (p.timer != null) {
                p.timer.cancel();
            }
            p.watching.stop();
        }
    }

    /** The sidebar stops peeking and gets back the sidebars' {@code width} (a peek widened it). */
    void end(String sidebarPane, int width) {
        stop(sidebarPane);
        tmux.send(Commands.resizePaneWidth(sidebarPane, width));
    }

    /** The sidebars that peek now. */
    java.util.Set<String> sidebars() {
        return java.util.Set.copyOf(peeks.keySet());
    }

    boolean peeking(String sidebarPane) {
        return peeks.containsKey(sidebarPane);
    }

    /** The agent pane a sidebar peeks at, or null. */
    String target(String sidebarPane) {
        Peek p = peeks.get(sidebarPane);
        return p == null ? null : p.agentPane;
    }

    /** How often the pane a sidebar peeks at was read in this peek (0: none). */
    long reads(String sidebarPane) {
        Peek p = peeks.get(sidebarPane);
        return p == null ? 0 : p.reads;
    }

    /** Captures taken (for benchmarks and tests). */
    long captures() {
        return captures;
    }

    private void capture(String sidebarPane, Peek p) {
        if (p.busy || p.timer != null) {
            p.again = true;
            return;
        }
        long now = scheduler.now();
        long at = p.nextAt(now);
        if (at > now) {
            p.timer = scheduler.schedule(at - now, () -> {
                p.timer = null;
                capture(sidebarPane, p);
            });
            return;
        }
        p.busy = true;
        p.again = false;
        p.recent.addLast(now);
        captures++;
        p.reads++;
        tmux.send(Commands.capturePaneStyled(p.agentPane))
                .whenComplete((lines, err) -> loop.execute(() -> {
                    p.busy = false;
                    if (peeks.get(sidebarPane) != p) {
                        return; // stopped meanwhile
                    }
                    if (err == null && !lines.equals(p.last)) {
                        p.last = List.copyOf(lines);
                        shown.accept(sidebarPane, p.last);
                    }
                    if (p.again) {
                        capture(sidebarPane, p); // it changed while this capture was in flight
                    }
                }));
    }
}
