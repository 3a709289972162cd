package dev.muxbar.resume;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agents muxbar remembers, and which of them run now. Pure and immutable: each model's agents
 * come in through {@link #seen}; an agent that ran and runs no more while its tmux server lives was
 * ended by the user (or by muxbar: {@link #mark} said hibernated first) — one that went with the
 * server (a restart, a crash: no model came after) stays {@code LIVE}, so it can be brought back. At
 * most {@link #MAX_KEPT} live or hibernated entries and {@link #MAX_ENDED} ended ones, the oldest
 * dropped first.
 */
public record Memory(List<Remembered> entries, Set<String> running) {

    public static final int MAX_KEPT = 500;
    public static final int MAX_ENDED = 200;
    public static final Memory EMPTY = new Memory(List.of(), Set.of());

    public Memory {
        entries = List.copyOf(entries);
        running = Set.copyOf(running);
    }

    /**
     * The agents running now ({@code now}: fresh entries, {@code LIVE}); {@code serverLives}: the model
     * they come from shows sessions (an empty one is the server going away, nobody's choice).
     */
    public Memory seen(List<Remembered> now, boolean serverLives) {
        Map<String, Remembered> by = new LinkedHashMap<>();
        entries.forEach(e -> by.put(e.key(), e));
        Set<String> nowKeys = new java.util.HashSet<>();
        for (Remembered r : now) {
            by.remove(r.key()); // to the end: the most recent last
            by.put(r.key(), r);
            nowKeys.add(r.key());
        }
        if (serverLives) {
            for (String gone : running) {
                Remembered e = by.get(gone);
                if (e == null || nowKeys.contains(gone) || e.state() != Remembered.State.LIVE) {
                    continue;
                }
                boolean same = now.stream()
                        .anyMatch(r ->
                                r.agent().equals(e.agent()) && r.paneId().equals(e.paneId()) && e.resumeId() == null);
                if (same) {
                    by.remove(gone); // the same agent, its id known now: one entry, by its id
                } else {
                    by.put(gone, e.with(Remembered.State.ENDED, null));
                }
            }
        }
        return new Memory(bounded(by.values()), serverLives ? nowKeys : running);
    }

    /** The entry {@code key} left as {@code state} (with why its resume failed, or null). */
    public Memory mark(String key, Remembered.State state, String error) {
        return map(key, e -> e.with(state, error));
    }

    /** Without the entry {@code key} (it came back under another key). */
    public Memory forget(String key) {
        return new Memory(entries.stream().filter(e -> !e.key().equals(key)).toList(), running);
    }

    /** The entry {@code key}, noting the memory its hibernation freed. */
    public Memory freed(String key, long kb) {
        return map(key, e -> e.freed(kb));
    }

    private Memory map(String key, java.util.function.UnaryOperator<Remembered> f) {
        List<Remembered> out = new ArrayList<>(entries.size());
        for (Remembered e : entries) {
            out.add(e.key().equals(key) ? f.apply(e) : e);
        }
        return new Memory(out, running);
    }

    /** The entries that can be brought back: live or hibernated, not running now. */
    public List<Remembered> resumable() {
        return entries.stream()
                .filter(e -> e.state() != Remembered.State.ENDED && !running.contains(e.key()))
                .toList();
    }

    /** The agents the user ended, most recent first. */
    public List<Remembered> ended() {
        List<Remembered> out = new ArrayList<>(entries.stream()
                .filter(e -> e.state() == Remembered.State.ENDED)
                .toList());
        java.util.Collections.reverse(out);
        return out;
    }

    /** The entry named {@code key}, or null. */
    public Remembered get(String key) {
        for (Remembered e : entries) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        return null;
    }

    private static List<Remembered> bounded(java.util.Collection<Remembered> all) {
        long kept =
                all.stream().filter(e -> e.state() != Remembered.State.ENDED).count();
        long ended = all.size() - kept;
        List<Remembered> out = new ArrayList<>();
        for (Remembered e : all) { // oldest first: drop from the front
            if (e.state() == Remembered.State.ENDED ? ended-- > MAX_ENDED : kept-- > MAX_KEPT) {
                continue;
            }
            out.add(e);
        }
        return out;
    }
}
