package dev.muxbar.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything muxbar knows about one tmux server at one moment. Immutable; equality is content
 * equality, which decides whether a refresh is published (see {@link Client} for the one
 * timestamp left out).
 */
public record Snapshot(ServerInfo server, List<Session> sessions, List<Client> clients) {

    public static final Snapshot EMPTY = new Snapshot(new ServerInfo(0, 0, ""), List.of(), List.of());

    public Snapshot {
        sessions = List.copyOf(sessions);
        clients = List.copyOf(clients);
    }

    public Optional<Session> session(String id) {
        return sessions.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * The same snapshot with each pane's command and cwd taken from {@code processes} (panes missing
     * there keep theirs). Returns {@code this} when nothing changes.
     */
    public Snapshot withProcesses(Map<String, PaneProcess> processes) {
        if (!differs(processes)) {
            return this; // the common case after a refresh assembled with the same processes: no copy
        }
        boolean changed = false;
        List<Session> ss = new ArrayList<>(sessions.size());
        for (Session s : sessions) {
            List<Window> ws = new ArrayList<>(s.windows().size());
            for (Window w : s.windows()) {
                List<Pane> ps = new ArrayList<>(w.panes().size());
                for (Pane p : w.panes()) {
                    PaneProcess pp = processes.get(p.id());
                    if (pp != null && (!pp.command().equals(p.command()) || !pp.cwd().equals(p.cwd()))) {
                        p = new Pane(p.id(), p.tty(), p.pid(), pp.command(), pp.cwd(), p.active(), p.title(),
                                p.width(), p.height(), p.sidebar());
                        changed = true;
                    }
                    ps.add(p);
                }
                ws.add(new Window(w.id(), w.index(), w.name(), w.active(), w.width(), w.height(), w.zoomed(), ps, w.excluded()));
            }
            ss.add(new Session(s.id(), s.name(), s.created(), s.attached(), ws));
        }
        return changed ? new Snapshot(server, ss, clients) : this;
    }

    private boolean differs(Map<String, PaneProcess> processes) {
        for (Session s : sessions) {
            for (Window w : s.windows()) {
                for (Pane p : w.panes()) {
                    PaneProcess pp = processes.get(p.id());
                    if (pp != null && (!pp.command().equals(p.command()) || !pp.cwd().equals(p.cwd()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Ids of every pane in the snapshot. */
    public Set<String> paneIds() {
        Set<String> ids = new HashSet<>();
        for (Session s : sessions) {
            for (Window w : s.windows()) {
                for (Pane p : w.panes()) {
                    ids.add(p.id());
                }
            }
        }
        return ids;
    }

    /** A pane by id. */
    public Optional<Pane> pane(String id) {
        for (Session s : sessions) {
            for (Window w : s.windows()) {
                for (Pane p : w.panes()) {
                    if (p.id().equals(id)) {
                        return Optional.of(p);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The window a client is looking at: the active window of its session. */
    public Optional<Window> viewedBy(Client c) {
        return session(c.sessionId()).flatMap(s -> s.windows().stream().filter(Window::active).findFirst());
    }

    /** Windows some user client is looking at → the session it looks through (the first such client's). */
    public Map<String, Session> viewedWindows() {
        Map<String, Session> out = new java.util.HashMap<>();
        for (Client c : clients) {
            session(c.sessionId()).ifPresent(s -> viewedBy(c).ifPresent(w -> out.putIfAbsent(w.id(), s)));
        }
        return out;
    }

    /** Windows viewed by a client without true colour (their sidebars paint with the 256-colour fallback). */
    public java.util.Set<String> windowsViewedWithoutRgb() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Client c : clients) {
            if (!c.rgb()) {
                viewedBy(c).ifPresent(w -> out.add(w.id()));
            }
        }
        return out;
    }

    /** What a pane runs: {@code #{pane_current_command}} and {@code #{pane_current_path}}. */
    public record PaneProcess(String command, String cwd) {}

    /** The tmux server process: pid, start time (seconds) and version. Identifies a server across daemon restarts. */
    /**
     * The tmux server, and where the daemon's own control client is: its name ({@code client-PID})
     * and the id of the session it is attached to ("" while unknown). The control client is not one
     * of {@link #clients()}.
     */
    public record ServerInfo(long pid, long startTime, String version, String controlClient, String controlSession) {
        public ServerInfo(long pid, long startTime, String version) {
            this(pid, startTime, version, "", "");
        }
    }

    /** A session; {@code attached} counts user clients only (the daemon's control client is not one). */
    public record Session(String id, String name, long created, int attached, List<Window> windows) {
        public Session {
            windows = List.copyOf(windows);
        }

        public int paneCount() {
            return windows.stream().mapToInt(w -> w.panes().size()).sum();
        }
    }

    /** A window as linked into one session ({@code index} and {@code active} are per session). */
    /** A window; {@code excluded} when the user's {@code @muxbar-exclude} format is true for it (no sidebar). */
    public record Window(String id, int index, String name, boolean active, int width, int height, boolean zoomed,
                         List<Pane> panes, boolean excluded) {
        public Window {
            panes = List.copyOf(panes);
        }

        /** A window that is not excluded (test fixtures); copies must pass {@code excluded} on. */
        public Window(String id, int index, String name, boolean active, int width, int height, boolean zoomed,
                      List<Pane> panes) {
            this(id, index, name, active, width, height, zoomed, panes, false);
        }
    }

    /** A pane; {@code sidebar} is true when the pane option {@code @muxbar-sidebar} is set. */
    public record Pane(String id, String tty, long pid, String command, String cwd, boolean active,
                       String title, int width, int height, boolean sidebar) {}

    /**
     * An attached user client. {@code activity} (last input, seconds) is carried for readers but
     * left out of equals/hashCode: it changes on every keypress and must not cause a publish.
     * {@code rgb}: the client's terminal takes 24-bit colour (tmux's {@code RGB} terminal feature).
     */
    public record Client(String name, String tty, long pid, String sessionId, long activity, int width, int height,
                         boolean rgb) {
        public Client(String name, String tty, long pid, String sessionId, long activity, int width, int height) {
            this(name, tty, pid, sessionId, activity, width, height, true);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Client c && name.equals(c.name) && tty.equals(c.tty) && pid == c.pid
                    && sessionId.equals(c.sessionId) && width == c.width && height == c.height && rgb == c.rgb;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(name, tty, pid, sessionId, width, height, rgb);
        }
    }
}
