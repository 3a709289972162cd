package dev.muxbar.state;

import dev.muxbar.model.Meta;
import dev.muxbar.model.Scheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The loop's side of script metadata: each session's {@link Meta}, changed by {@link Event.SetMeta},
 * and emptied as its parts expire (one timer, at the next expiry). Bounded: a session's log keeps
 * {@link Meta#LOG_LINES}, and the meta of a session that went goes with it. {@code changed} asks
 * Core to publish.
 */
final class MetaDesk {

    private final Scheduler scheduler;
    private final Runnable changed;
    private Map<String, Meta> meta = Map.of();
    private Scheduler.Cancellable timer;
    private long timerAt = Long.MAX_VALUE;

    MetaDesk(Scheduler scheduler, Runnable changed) {
        this.scheduler = scheduler;
        this.changed = changed;
    }

    Map<String, Meta> meta() {
        return meta;
    }

    void apply(String sessionId, Event.MetaChange c) {
        long now = scheduler.now();
        Meta m = meta.getOrDefault(sessionId, Meta.EMPTY).at(now);
        Meta next;
        if (c instanceof Event.MetaChange.Status s) {
            next = new Meta(new Meta.Line(s.text(), s.tone(), now + s.ttlMs()), m.progress(), m.log());
        } else if (c instanceof Event.MetaChange.Progress p) {
            next = new Meta(m.status(), new Meta.Progress(p.done(), p.of(), now + p.ttlMs()), m.log());
        } else if (c instanceof Event.MetaChange.Log l) {
            List<Meta.Line> log = new ArrayList<>(m.log());
            log.add(new Meta.Line(l.text(), l.tone(), now + l.ttlMs()));
            next = new Meta(
                    m.status(), m.progress(), log.subList(Math.max(0, log.size() - Meta.LOG_LINES), log.size()));
        } else if (c instanceof Event.MetaChange.Clear) {
            next = Meta.EMPTY;
        } else {
            throw new AssertionError(c);
        }
        put(sessionId, next);
        changed.run();
    }

    /** Sessions that exist now: the meta of others goes. */
    void retain(Set<String> sessions) {
        if (!sessions.containsAll(meta.keySet())) {
            Map<String, Meta> next = new HashMap<>(meta);
            next.keySet().retainAll(sessions);
            meta = Map.copyOf(next);
            changed.run();
        }
    }

    void stop() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void put(String sessionId, Meta m) {
        Map<String, Meta> next = new HashMap<>(meta);
        if (m.isEmpty()) {
            next.remove(sessionId);
        } else {
            next.put(sessionId, m);
        }
        meta = Map.copyOf(next);
        schedule();
    }

    private void expire() {
        timer = null;
        timerAt = Long.MAX_VALUE;
        long now = scheduler.now();
        Map<String, Meta> next = new HashMap<>();
        meta.forEach((k, v) -> {
            Meta left = v.at(now);
            if (!left.isEmpty()) {
                next.put(k, left);
            }
        });
        if (!next.equals(meta)) {
            meta = Map.copyOf(next);
            changed.run();
        }
        schedule();
    }

    private void schedule() {
        long at = meta.values().stream().mapToLong(Meta::nextExpiry).min().orElse(Long.MAX_VALUE);
        if (at == Long.MAX_VALUE || at >= timerAt) {
            return;
        }
        if (timer != null) {
            timer.cancel();
        }
        timerAt = at;
        timer = scheduler.schedule(Math.max(1, at - scheduler.now()), this::expire);
    }
}
