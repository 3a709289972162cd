package dev.muxbar.sidebar;

import dev.muxbar.model.Scheduler;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxGateway;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * The screens sidebars peek at: an agent's pane is read ({@code capture-pane -e}) only while a
 * sidebar peeks at it and only when its output changed. A control-mode subscription per peek says
 * when (tmux checks subscriptions about once a second):
 *
 * <pre>
 * refresh-client -B 'muxbar-peek-7:%3:#{window_activity}#{history_size}#{cursor_x}#{cursor_y}#{pane_title}'
 * </pre>
 * and while captures keep changing the pane is read again every {@link #FOLLOW_MS} (output that
 * streams shows as it streams), at most one capture in flight; an unchanged capture ends the
 * following until the subscription speaks again. Nobody peeking: no command at all. On the loop.
 */
final class PeekFeed {

    static final String PREFIX = "muxbar-peek-";
    static final long FOLLOW_MS = 100;

    private final TmuxGateway tmux;
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

        Peek(String agentPane) {
            this.agentPane = agentPane;
        }
    }

    PeekFeed(TmuxGateway tmux, Scheduler scheduler, Executor loop, BiConsumer<String, List<String>> shown) {
        this.tmux = tmux;
        this.scheduler = scheduler;
        this.loop = loop;
        this.shown = shown;
    }

    /** Sidebar {@code sidebarPane} peeks at {@code agentPane} from now on (its screen is read at once). */
    void start(String sidebarPane, String agentPane) {
        stop(sidebarPane);
        Peek p = new Peek(agentPane);
        peeks.put(sidebarPane, p);
        tmux.send(Commands.subscribe(name(sidebarPane), agentPane,
                "#{window_activity}#{history_size}#{cursor_x}#{cursor_y}#{pane_title}"));
        capture(sidebarPane, p);
    }

    /** The sidebar stopped peeking (or went): no more reads. */
    void stop(String sidebarPane) {
        Peek p = peeks.remove(sidebarPane);
        if (p != null) {
            if (p.timer != null) {
                p.timer.cancel();
            }
            tmux.send(Commands.unsubscribe(name(sidebarPane)));
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

    /** A subscription changed: a peeked pane's output moved. */
    void onSubscription(String name) {
        if (!name.startsWith(PREFIX)) {
            return;
        }
        String sidebarPane = "%" + name.substring(PREFIX.length());
        Peek p = peeks.get(sidebarPane);
        if (p != null) {
            capture(sidebarPane, p);
        }
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
        if (p.busy) {
            p.again = true;
            return;
        }
        p.busy = true;
        if (p.timer != null) {
            p.timer.cancel();
            p.timer = null;
        }
        captures++;
        p.reads++;
        tmux.send(Commands.capturePaneStyled(p.agentPane)).whenComplete((lines, err) -> loop.execute(() -> {
            p.busy = false;
            if (peeks.get(sidebarPane) != p) {
                return; // stopped meanwhile
            }
            boolean changed = err == null && !lines.equals(p.last);
            if (changed) {
                p.last = List.copyOf(lines);
                shown.accept(sidebarPane, p.last);
            }
            if (changed || p.again) {
                p.again = false;
                p.timer = scheduler.schedule(FOLLOW_MS, () -> capture(sidebarPane, p));
            }
        }));
    }

    private static String name(String sidebarPane) {
        return PREFIX + sidebarPane.substring(1);
    }
}
