package dev.muxbar.agents;

import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Snapshot.Pane;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.model.Snapshot.Window;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * Where panes are in one snapshot: pane → window and session, the windows clients view, and the
 * lookups that turn a session, cwd or pid into a pane. Built once per snapshot.
 */
final class Places {

    /** A content pane and the window and session it is in (the first session, for linked windows). */
    record Place(Pane pane, Window window, Session session) {}

    private final Map<String, Place> panes = new HashMap<>();
    private final Map<Long, String> paneByPid = new HashMap<>();
    private final Set<String> viewed = new HashSet<>();
    private final Map<String, String> activePane = new HashMap<>(); // session id → pane id
    private final List<Place> all = new ArrayList<>();

    Places(Snapshot s) {
        for (Session session : s.sessions()) {
            for (Window w : session.windows()) {
                for (Pane p : w.panes()) {
                    if (p.sidebar() || panes.containsKey(p.id())) {
                        continue;
                    }
                    Place place = new Place(p, w, session);
                    panes.put(p.id(), place);
                    all.add(place);
                    paneByPid.put(p.pid(), p.id());
                    if (w.active() && p.active()) {
                        activePane.put(session.id(), p.id());
                    }
                }
            }
        }
        viewed.addAll(s.viewedWindows().keySet());
    }

    Place get(String paneId) {
        return paneId == null ? null : panes.get(paneId);
    }

    boolean viewed(String windowId) {
        return viewed.contains(windowId);
    }

    String activePaneOf(String sessionId) {
        return activePane.get(sessionId);
    }

    /** Panes whose working directory is {@code cwd}. */
    List<Place> inDirectory(String cwd) {
        String want = strip(cwd);
        return all.stream().filter(p -> strip(p.pane().cwd()).equals(want)).toList();
    }

    /** The pane a process runs in: the pid itself or its nearest ancestor that is a pane's shell. */
    String paneOfProcess(long pid, LongUnaryOperator parentOf) {
        long p = pid;
        for (int depth = 0; p > 1 && depth < 32; depth++) {
            String pane = paneByPid.get(p);
            if (pane != null) {
                return pane;
            }
            p = parentOf.applyAsLong(p);
        }
        return null;
    }

    private static String strip(String dir) {
        return dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    }

    /** A pane id's number ({@code %12} → 12), for ordering; unparsable ids last. */
    static int paneNumber(String pane) {
        try {
            return Integer.parseInt(pane.substring(1));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }
}
