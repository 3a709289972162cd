package dev.muxbar.model;

import dev.muxbar.model.Snapshot.Session;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user's custom session order and hidden sessions. Immutable.
 *
 * <p>Entries are keyed by session id while their tmux server lives (so a renamed session keeps its
 * place) and by name across tmux restarts: when the server identity changes, every entry is unbound
 * and binds again to the live session of the same name. Entries of sessions killed in the same
 * server are dropped; unbound entries waiting for a session are capped at {@link #MAX_UNBOUND}.
 */
public record OrderBook(long serverPid, long serverStart, List<Entry> custom, List<Entry> hidden) {
    // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x (RecordEqualityTest)
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof OrderBook o
                && serverPid == o.serverPid
                && serverStart == o.serverStart
                && java.util.Objects.equals(custom, o.custom)
                && java.util.Objects.equals(hidden, o.hidden);
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(serverPid);
        h = 31 * h + Long.hashCode(serverStart);
        h = 31 * h + java.util.Objects.hashCode(custom);
        h = 31 * h + java.util.Objects.hashCode(hidden);
        return h;
    }

    public static final int MAX_UNBOUND = 100;
    public static final OrderBook EMPTY = new OrderBook(0, 0, List.of(), List.of());

    /** One session reference; {@code id} is empty while unbound. */
    public record Entry(String id, String name) {
        // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x
        // (RecordEqualityTest)
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            return other instanceof Entry o
                    && java.util.Objects.equals(id, o.id)
                    && java.util.Objects.equals(name, o.name);
        }

        @Override
        public int hashCode() {
            int h = java.util.Objects.hashCode(id);
            h = 31 * h + java.util.Objects.hashCode(name);
            return h;
        }

        /** Read from a file the user may have edited: a missing field is empty, not null. */
        public Entry {
            id = id == null ? "" : id;
            name = name == null ? "" : name;
        }
    }

    public OrderBook {
        custom = entries(custom);
        hidden = entries(hidden);
    }

    /** A list read from order.json: missing is empty, null entries and entries naming nothing are dropped. */
    private static List<Entry> entries(List<Entry> in) {
        return in == null
                ? List.of()
                : in.stream()
                        .filter(e -> e != null && !(e.id().isEmpty() && e.name().isEmpty()))
                        .toList();
    }

    /** Re-keys the entries against a new snapshot of the server. */
    public OrderBook reconcile(Snapshot s) {
        if (s.server().pid() == 0) {
            return this; // nothing known yet
        }
        boolean sameServer =
                serverPid == s.server().pid() && serverStart == s.server().startTime();
        return new OrderBook(
                s.server().pid(), s.server().startTime(), rebind(custom, s, sameServer), rebind(hidden, s, sameServer));
    }

    private static List<Entry> rebind(List<Entry> entries, Snapshot s, boolean sameServer) {
        Map<String, Session> byId = new HashMap<>();
        Map<String, Session> byName = new HashMap<>();
        for (Session x : s.sessions()) {
            byId.put(x.id(), x);
            byName.putIfAbsent(x.name(), x);
        }
        Set<String> used = new HashSet<>();
        // First pass: ids that still hold in this server win over names.
        if (sameServer) {
            for (Entry e : entries) {
                if (!e.id().isEmpty() && byId.containsKey(e.id())) {
                    used.add(e.id());
                }
            }
        }
        List<Entry> out = new ArrayList<>();
        int unbound = 0;
        for (Entry e : entries) {
            if (sameServer && !e.id().isEmpty()) {
                Session live = byId.get(e.id());
                if (live != null) {
                    out.add(new Entry(live.id(), live.name()));
                } // else: killed in this server, forget it
                continue;
            }
            Session named = byName.get(e.name());
            if (named != null && used.add(named.id())) {
                out.add(new Entry(named.id(), named.name()));
            } else if (unbound < MAX_UNBOUND) {
                unbound++;
                out.add(new Entry("", e.name()));
            }
        }
        return out;
    }

    /** The sessions as shown: custom order first, then the others by creation; hidden ones left out. */
    public List<Session> ordered(Snapshot s) {
        Set<String> hiddenIds = new HashSet<>();
        for (Entry e : hidden) {
            if (!e.id().isEmpty()) {
                hiddenIds.add(e.id());
            }
        }
        Map<String, Session> byId = new HashMap<>();
        for (Session x : s.sessions()) {
            byId.put(x.id(), x);
        }
        List<Session> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (Entry e : custom) {
            Session x = e.id().isEmpty() ? null : byId.get(e.id());
            if (x != null && placed.add(x.id()) && !hiddenIds.contains(x.id())) {
                out.add(x);
            }
        }
        List<Session> rest = new ArrayList<>();
        for (Session x : s.sessions()) {
            if (!placed.contains(x.id()) && !hiddenIds.contains(x.id())) {
                rest.add(x);
            }
        }
        rest.sort(Comparator.comparingLong(Session::created).thenComparingLong(x -> idNumber(x.id())));
        out.addAll(rest);
        return out;
    }

    /** Moves a visible session to 1-based {@code position} (clamped) in the shown order. */
    public OrderBook move(Snapshot s, String id, int position) {
        List<Session> shown = new ArrayList<>(ordered(s));
        Session target = shown.stream()
                .filter(x -> x.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("session " + id + " is not shown (unknown or hidden)"));
        shown.remove(target);
        int at = Math.max(0, Math.min(shown.size(), position - 1));
        shown.add(at, target);
        List<Entry> next = new ArrayList<>();
        for (Session x : shown) {
            next.add(new Entry(x.id(), x.name()));
        }
        for (Entry e : custom) {
            if (e.id().isEmpty() || s.session(e.id()).isPresent() && !containsId(next, e.id())) {
                next.add(e); // keep entries waiting for their session, and hidden ones' places
            }
        }
        return new OrderBook(serverPid, serverStart, next, hidden);
    }

    public OrderBook hide(Snapshot s, String id) {
        Session x = s.session(id).orElseThrow(() -> new IllegalArgumentException("no session " + id));
        if (containsId(hidden, id)) {
            return this;
        }
        List<Entry> next = new ArrayList<>(hidden);
        next.add(new Entry(x.id(), x.name()));
        return new OrderBook(serverPid, serverStart, custom, next);
    }

    public OrderBook unhide(Snapshot s, String id) {
        s.session(id).orElseThrow(() -> new IllegalArgumentException("no session " + id));
        List<Entry> next = new ArrayList<>(hidden);
        next.removeIf(e -> e.id().equals(id));
        return new OrderBook(serverPid, serverStart, custom, next);
    }

    /** Shows every hidden session again. */
    public OrderBook unhideAll() {
        return new OrderBook(serverPid, serverStart, custom, List.of());
    }

    /** Forgets the custom order (hidden sessions stay hidden). */
    public OrderBook resetOrder() {
        return new OrderBook(serverPid, serverStart, List.of(), hidden);
    }

    private static boolean containsId(List<Entry> entries, String id) {
        return entries.stream().anyMatch(e -> e.id().equals(id));
    }

    /** {@code "$12"} → 12; anything else sorts last. */
    static long idNumber(String id) {
        try {
            return Long.parseLong(id.substring(1));
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }
}
