package dev.muxbar.events;

import java.util.Set;

/**
 * What one client of the stream wants: event types ({@code agent}, {@code sessions}, {@code theme},
 * {@code notice}; null: all), one session's agents (its id), one pane's agents. Snapshots and
 * overflow notes always pass.
 */
public record Filter(Set<String> types, String session, String pane) {

    public static final Filter ALL = new Filter(null, null, null);
    public static final Set<String> TYPES = Set.of("agent", "sessions", "theme", "notice", "meta", "host", "usage");

    public Filter {
        types = types == null ? null : Set.copyOf(types);
    }

    /** Parses {@code types=agents,sessions} (plural or singular names); throws with the unknown name. */
    public static Set<String> types(String csv) {
        if (csv == null || csv.isBlank()) {
            return null;
        }
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String t : csv.split(",")) {
            String n = t.strip();
            n = n.equals("agents")
                    ? "agent"
                    : n.equals("notices")
                            ? "notice"
                            : n.equals("themes")
                                    ? "theme"
                                    : n.equals("session") ? "sessions" : n.equals("hosts") ? "host" : n;
            if (!TYPES.contains(n)) {
                throw new IllegalArgumentException("unknown event type \"" + (t.length() > 20 ? t.substring(0, 20) : t)
                        + "\"; types are agents, sessions, theme, notice, meta, hosts, usage");
            }
            out.add(n);
        }
        return out;
    }

    boolean accepts(String type, String sessionId, String paneId) {
        if (types != null && !types.contains(type)) {
            return false;
        }
        if (type.equals("agent") || type.equals("usage")) {
            return (session == null || session.equals(sessionId)) && (pane == null || pane.equals(paneId));
        }
        if (type.equals("meta")) {
            return session == null || session.equals(sessionId);
        }
        return true;
    }
}
