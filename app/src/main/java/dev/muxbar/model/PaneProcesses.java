package dev.muxbar.model;

import dev.muxbar.model.Snapshot.Pane;
import dev.muxbar.model.Snapshot.PaneProcess;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.model.Snapshot.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link Snapshot#withProcesses}: a snapshot with each pane's command and cwd from a process scan. */
final class PaneProcesses {
    private PaneProcesses() {}

    /**
     * The same snapshot with each pane's command and cwd taken from {@code processes} (panes missing
     * there keep theirs); {@code snap} itself when nothing changes.
     */
    static Snapshot apply(Snapshot snap, Map<String, PaneProcess> processes) {
        if (!differs(snap, processes)) {
            return snap; // the common case after a refresh assembled with the same processes: no copy
        }
        boolean changed = false;
        List<Session> ss = new ArrayList<>(snap.sessions().size());
        for (Session s : snap.sessions()) {
            List<Window> ws = new ArrayList<>(s.windows().size());
            for (Window w : s.windows()) {
                List<Pane> ps = new ArrayList<>(w.panes().size());
                for (Pane p : w.panes()) {
                    PaneProcess pp = processes.get(p.id());
                    if (pp != null
                            && (!pp.command().equals(p.command()) || !pp.cwd().equals(p.cwd()))) {
                        p = new Pane(
                                p.id(),
                                p.tty(),
                                p.pid(),
                                pp.command(),
                                pp.cwd(),
                                p.active(),
                                p.title(),
                                p.width(),
                                p.height(),
                                p.sidebar());
                        changed = true;
                    }
                    ps.add(p);
                }
                ws.add(new Window(
                        w.id(), w.index(), w.name(), w.active(), w.width(), w.height(), w.zoomed(), ps, w.excluded()));
            }
            ss.add(new Session(s.id(), s.name(), s.created(), s.attached(), s.lastAttached(), ws));
        }
        return changed ? new Snapshot(snap.server(), ss, snap.clients()) : snap;
    }

    private static boolean differs(Snapshot snap, Map<String, PaneProcess> processes) {
        for (Session s : snap.sessions()) {
            for (Window w : s.windows()) {
                for (Pane p : w.panes()) {
                    PaneProcess pp = processes.get(p.id());
                    if (pp != null
                            && (!pp.command().equals(p.command()) || !pp.cwd().equals(p.cwd()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
