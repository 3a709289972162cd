package dev.muxbar.tmux;

import dev.muxbar.model.Scheduler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Says when a pane's screen may have changed, for panes in any session. tmux 3.3a sends
 * {@code %output} and {@code refresh-client -B} subscription changes to a control client only for
 * panes of its own session, so instead one command per tick asks for a digest of every watched pane
 * ({@link Formats#paneDigestCommand}: window activity, history size, cursor, mode, title), and a
 * watcher hears when its pane's digest changed. tmux keeps the activity time in whole seconds, so a
 * screen redrawn in place within the same second changes nothing in it: a watcher hears once more
 * {@link #SETTLE_MS} after the last change (the screen as it stayed). A pane that sits still costs its
 * share of one command per tick and nothing else; no watcher, no command.
 *
 * <p>On the loop: {@code watch}, {@code stop} and the callbacks; tmux's replies are posted back to it.
 */
public final class PaneWatch {

    /** After the last change, a watcher hears once more this much later (tmux's activity time is in seconds). */
    public static final long SETTLE_MS = 1_100;

    private final TmuxGateway tmux;
    private final Scheduler scheduler;
    private final Executor loop;
    private final List<Watcher> watchers = new ArrayList<>();
    private Scheduler.Cancellable timer;
    private long period = Long.MAX_VALUE;
    private boolean asking;
    private long commands;

    /** One watch: stop it when its pane no longer matters. */
    public interface Handle {
        void stop();
    }

    private final class Watcher implements Handle {
        final String pane;
        final long everyMs;
        final Consumer<String> changed;
        String last;
        long dueAt;
        long changedAt;
        boolean settling;

        Watcher(String pane, long everyMs, Consumer<String> changed) {
            this.pane = pane;
            this.everyMs = everyMs;
            this.changed = changed;
        }

        @Override
        public void stop() {
            if (watchers.remove(this)) {
                rearm();
            }
        }
    }

    public PaneWatch(TmuxGateway tmux, Scheduler scheduler, Executor loop) {
        this.tmux = tmux;
        this.scheduler = scheduler;
        this.loop = loop;
    }

    /**
     * Checks {@code pane} every {@code everyMs}; {@code changed} gets the pane id when its screen may
     * have changed (at the first check, too).
     */
    public Handle watch(String pane, long everyMs, Consumer<String> changed) {
        if (!pane.matches("%[0-9]+") || everyMs < 1) {
            throw new IllegalArgumentException("watch " + pane + " every " + everyMs + " ms");
        }
        Watcher w = new Watcher(pane, everyMs, changed);
        w.dueAt = scheduler.now();
        watchers.add(w);
        rearm();
        return w;
    }

    /**
     * A watched pane's title as its last digest read it (fresher than a snapshot's: a title change
     * moves the digest, not a refresh), or null when no watcher has read it yet.
     */
    public String title(String pane) {
        for (Watcher w : watchers) {
            if (w.pane.equals(pane) && w.last != null) {
                String[] f = w.last.split(" ", 6); // activity history x y mode title
                return f.length == 6 ? f[5] : "";
            }
        }
        return null;
    }

    /** Digest commands sent so far (for the benchmarks and tests). */
    public long commands() {
        return commands;
    }

    /** Stops every watch (daemon exit). */
    public void close() {
        watchers.clear();
        rearm();
    }

    /** One timer at the shortest period any watcher asks for; none without watchers. */
    private void rearm() {
        long want = watchers.stream().mapToLong(w -> w.everyMs).min().orElse(Long.MAX_VALUE);
        if (want == period && (timer != null || want == Long.MAX_VALUE)) {
            return;
        }
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        period = want;
        if (want != Long.MAX_VALUE) {
            timer = scheduler.every(want, this::tick);
            loop.execute(this::tick); // a new watch looks at once
        }
    }

    private void tick() {
        if (asking) {
            return; // one digest in flight: the next tick asks again
        }
        long now = scheduler.now();
        Set<String> due = new LinkedHashSet<>();
        for (Watcher w : watchers) {
            if (now >= w.dueAt) {
                due.add(w.pane);
            }
        }
        if (due.isEmpty()) {
            return;
        }
        asking = true;
        commands++;
        tmux.send(Formats.paneDigestCommand(due))
                .whenComplete((digests, err) -> loop.execute(() -> {
                    asking = false;
                    if (err == null) {
                        seen(due, digests);
                    }
                }));
    }

    private void seen(Set<String> asked, Map<String, String> digests) {
        long now = scheduler.now();
        for (Watcher w : List.copyOf(watchers)) {
            if (!asked.contains(w.pane) || !watchers.contains(w)) {
                continue;
            }
            w.dueAt = now + w.everyMs;
            String d = digests.get(w.pane);
            if (d == null) {
                continue; // gone: its owner hears from the model
            }
            if (!d.equals(w.last)) {
                w.last = d;
                w.changedAt = now;
                w.settling = true;
                w.changed.accept(w.pane);
            } else if (w.settling && now - w.changedAt >= SETTLE_MS) {
                w.settling = false;
                w.changed.accept(w.pane);
            }
        }
    }
}
