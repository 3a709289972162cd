package dev.muxbar.sidebar.view;

import java.util.HashSet;
import java.util.Set;

/**
 * One sidebar's own view state: the cursor (by session id, so it follows the session when the
 * order changes), the first shown row, the mode keys are in ({@link Mode}), the filter, the agent
 * the cursor is on in the detail panel, the other machines' row the cursor is on ({@code remote}: a
 * {@link ListLayout.RemoteRow#key}, "" while it is on a local session) and the hosts whose rows are
 * folded under their heading.
 */
public record View(
        String cursorSessionId, int scroll, Mode mode, Filter filter, int agent, String remote, Set<String> folded) {
    public static final View INITIAL = new View("", 0, new ListMode());

    public View {
        folded = Set.copyOf(folded);
    }

    public View(String cursorSessionId, int scroll, Mode mode) {
        this(cursorSessionId, scroll, mode, Filter.ALL, -1, "", Set.of());
    }

    /** Which sessions the list shows ({@code f} cycles): all, those with agents, those needing the user. */
    public enum Filter {
        ALL,
        AGENTS,
        ATTENTION;

        public Filter next() {
            return values()[(ordinal() + 1) % values().length];
        }
    }

    /** The cursor on a session row (leaves the agent list and the other machines' rows). */
    public View withCursor(String sessionId) {
        return new View(sessionId, scroll, mode, filter, -1, "", folded);
    }

    /** The cursor on another machine's row ({@link ListLayout.RemoteRow#key}). */
    public View withRemote(String key) {
        return new View(cursorSessionId, scroll, mode, filter, -1, key, folded);
    }

    /** Host {@code name}'s sessions folded under its heading, or shown again. */
    public View toggleFold(String name) {
        Set<String> f = new HashSet<>(folded);
        if (!f.remove(name)) {
            f.add(name);
        }
        return new View(cursorSessionId, scroll, mode, filter, -1, remote, f);
    }

    public View withScroll(int top) {
        return new View(cursorSessionId, Math.max(0, top), mode, filter, agent, remote, folded);
    }

    public View withMode(Mode m) {
        return new View(cursorSessionId, scroll, m, filter, agent, remote, folded);
    }

    public View withFilter(Filter f) {
        return new View(cursorSessionId, 0, mode, f, -1, remote, folded);
    }

    /** The cursor on the {@code index}-th agent of the selected session's detail panel (-1: on the session row). */
    public View withAgent(int index) {
        return new View(cursorSessionId, scroll, mode, filter, index, remote, folded);
    }
}
