package dev.muxbar.sidebar;

import dev.muxbar.model.Scheduler;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.PaneWatch;
import dev.muxbar.tmux.TmuxGateway;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The screens sidebars peek at, in any session: an agent's pane is read ({@code capture-pane -e})
 * only while a sidebar peeks at it and only when it may have changed — {@link PaneWatch} looks at its
 * digest every {@link #WATCH_MS} — with at most one capture in flight (a change meanwhile is read
 * right after it). Once a pane has been read {@link #BURST} times within a second it is read every
 * {@link #BUSY_MS} until it has been quiet for a second: a line printed after a quiet spell shows
 * within a tick, and a pane pouring out megabytes costs four captures a second. Nobody peeking: no command at
 * all. Each peek is a {@link Peek} owned by the {@link Sidebar} that peeks. On the loop.
 */
final class PeekFeed {

    static final long WATCH_MS = 40;
    static final long BUSY_MS = 250;
    static final int BURST = 8;
    static final long REMOTE_MS = 500;

    private final TmuxGateway tmux;
    private final PaneWatch panes;
    private final Scheduler scheduler;
    private final Executor loop;
    private long captures;

    /** One sidebar's peek at an agent pane: read while it lives; {@link #stop} ends every read. */
    final class Peek {
        final String agentPane;
        private final Consumer<List<String>> shown; // the agent pane's latest lines
        private boolean stopped;
        List<String> last = List.of();
        long reads;
        boolean busy;
        boolean again;
        Scheduler.Cancellable timer;
        PaneWatch.Handle watching;
        final java.util.ArrayDeque<Long> recent = new java.util.ArrayDeque<>(); // capture times in the last second

        Peek(String agentPane, Consumer<List<String>> shown) {
            this.agentPane = agentPane;
            this.shown = shown;
        }

        /** No more reads (the peek closed, or its sidebar went). */
        void stop() {
            stopped = true;
            if (timer != null) {
                timer.cancel();
            }
            if (watching != null) {
                watching.stop();
            }
        }

        /** How often the pane was read in this peek. */
        long reads() {
            return reads;
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

    PeekFeed(TmuxGateway tmux, PaneWatch panes, Scheduler scheduler, Executor loop) {
        this.tmux = tmux;
        this.panes = panes;
        this.scheduler = scheduler;
        this.loop = loop;
    }

    /** A peek at {@code agentPane} from now on: its screen is read at once, then whenever it may have changed. */
    Peek start(String agentPane, Consumer<List<String>> shown) {
        Peek p = new Peek(agentPane, shown);
        capture(p);
        p.watching = panes.watch(agentPane, WATCH_MS, pane -> capture(p));
        return p;
    }

    /**
     * A peek at an agent pane on another machine ({@code label} names it): read through that machine's
     * muxbar ({@code read}) at once and then every {@link #REMOTE_MS}, one read at a time — no digest to
     * watch from here, so a steady pace; a read that fails leaves the last lines shown.
     */
    Peek startRemote(
            String label,
            java.util.function.Supplier<java.util.concurrent.CompletableFuture<List<String>>> read,
            Consumer<List<String>> shown) {
        Peek p = new Peek(label, shown);
        Runnable tick = () -> {
            if (p.stopped || p.busy) {
                return;
            }
            p.busy = true;
            p.reads++;
            read.get()
                    .whenComplete((lines, err) -> loop.execute(() -> {
                        p.busy = false;
                        if (!p.stopped && err == null && !lines.equals(p.last)) {
                            p.last = List.copyOf(lines);
                            p.shown.accept(p.last);
                        }
                    }));
        };
        tick.run();
        p.timer = scheduler.every(REMOTE_MS, tick);
        return p;
    }

    /** Captures taken (for benchmarks and tests). */
    long captures() {
        return captures;
    }

    private void capture(Peek p) {
        if (p.stopped) {
            return;
        }
        if (p.busy || p.timer != null) {
            p.again = true;
            return;
        }
        long now = scheduler.now();
        long at = p.nextAt(now);
        if (at > now) {
            p.timer = scheduler.schedule(at - now, () -> {
                p.timer = null;
                capture(p);
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
                    if (p.stopped) {
                        return; // stopped meanwhile
                    }
                    if (err == null && !lines.equals(p.last)) {
                        p.last = List.copyOf(lines);
                        p.shown.accept(p.last);
                    }
                    if (p.again) {
                        capture(p); // it changed while this capture was in flight
                    }
                }));
    }
}
