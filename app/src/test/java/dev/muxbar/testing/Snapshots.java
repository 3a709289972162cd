package dev.muxbar.testing;

import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Snapshot.Pane;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.model.Snapshot.Window;
import java.util.ArrayList;
import java.util.List;

/** Small snapshot builders for unit tests. */
public final class Snapshots {
    private Snapshots() {}

    public static Session session(String id, String name) {
        long n = Long.parseLong(id.substring(1));
        Pane p = new Pane("%" + n, "/dev/pts/" + n, 100 + n, "", "", true, "t", 80, 24, false);
        Window w = new Window("@" + n, 0, "w", true, 80, 24, false, List.of(p));
        return new Session(id, name, 1000 + n, 0, List.of(w));
    }

    /** A snapshot of server (pid, start) with sessions given as "id name" pairs: "$0", "alpha", "$1", "beta". */
    public static Snapshot of(long pid, long start, String... idsAndNames) {
        List<Session> ss = new ArrayList<>();
        for (int i = 0; i < idsAndNames.length; i += 2) {
            ss.add(session(idsAndNames[i], idsAndNames[i + 1]));
        }
        return new Snapshot(new Snapshot.ServerInfo(pid, start, "3.3a"), ss, List.of());
    }

    public static List<String> names(List<Session> sessions) {
        return sessions.stream().map(Session::name).toList();
    }
}
