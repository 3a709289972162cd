package dev.muxbar.model;

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
    // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x (RecordEqualityTest)
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Snapshot o
                && java.util.Objects.equals(server, o.server)
                && java.util.Objects.equals(sessions, o.sessions)
                && java.util.Objects.equals(clients, o.clients);
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(server);
        h = 31 * h + java.util.Objects.hashCode(sessions);
        h = 31 * h + java.util.Objects.hashCode(clients);
        return h;
    }

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
        return PaneProcesses.apply(this, processes);
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
        return session(c.sessionId())
                .flatMap(s -> s.windows().stream().filter(Window::active).findFirst());
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
    public record PaneProcess(String command, String cwd) {
        /** Of {@code m}, the panes in {@code live} only (immutable: it is handed to another thread). */
        public static Map<String, PaneProcess> of(Map<String, PaneProcess> m, Set<String> live) {
            return m.entrySet().stream()
                    .filter(e -> live.contains(e.getKey()))
                    .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }

    /**
     * The tmux server process (pid, start time in seconds, version: together they identify a server
     * across daemon restarts), and where the daemon's own control client is: its name ({@code client-PID})
     * and the id of the session it is attached to ("" while unknown). The control client is not one
     * of {@link #clients()}.
     */
    public record ServerInfo(long pid, long startTime, String version, String controlClient, String controlSession) {
        // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x
        // (RecordEqualityTest)
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            return other instanceof ServerInfo o
                    && pid == o.pid
                    && startTime == o.startTime
                    && java.util.Objects.equals(version, o.version)
                    && java.util.Objects.equals(controlClient, o.controlClient)
                    && java.util.Objects.equals(controlSession, o.controlSession);
        }

        @Override
        public int hashCode() {
            int h = Long.hashCode(pid);
            h = 31 * h + Long.hashCode(startTime);
            h = 31 * h + java.util.Objects.hashCode(version);
            h = 31 * h + java.util.Objects.hashCode(controlClient);
            h = 31 * h + java.util.Objects.hashCode(controlSession);
            return h;
        }

        public ServerInfo(long pid, long startTime, String version) {
            this(pid, startTime, version, "", "");
        }
    }

    /**
     * A session; {@code attached} counts user clients only (the daemon's control client is not one).
     * {@code lastAttached}: when a client last attached or switched to it (tmux's
     * {@code session_last_attached}, seconds; 0 when never), which {@link Seat} reads.
     */
    public record Session(String id, String name, long created, int attached, long lastAttached, List<Window> windows) {
        // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x
        // (RecordEqualityTest)
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            return other instanceof Session o
                    && java.util.Objects.equals(id, o.id)
                    && java.util.Objects.equals(name, o.name)
                    && created == o.created
                    && attached == o.attached
                    && lastAttached == o.lastAttached
                    && java.util.Objects.equals(windows, o.windows);
        }

        @Override
        public int hashCode() {
            int h = java.util.Objects.hashCode(id);
            h = 31 * h + java.util.Objects.hashCode(name);
            h = 31 * h + Long.hashCode(created);
            h = 31 * h + attached;
            h = 31 * h + Long.hashCode(lastAttached);
            h = 31 * h + java.util.Objects.hashCode(windows);
            return h;
        }

        public Session {
            windows = List.copyOf(windows);
        }

        /** A session never attached to (test fixtures). */
        public Session(String id, String name, long created, int attached, List<Window> windows) {
            this(id, name, created, attached, 0, windows);
        }

        public int paneCount() {
            return windows.stream().mapToInt(w -> w.panes().size()).sum();
        }
    }

    /**
     * A window as linked into one session ({@code index} and {@code active} are per session);
     * {@code excluded} when the user's {@code @muxbar-exclude} format is true for it (no sidebar).
     */
    public record Window(
            String id,
            int index,
            String name,
            boolean active,
            int width,
            int height,
            boolean zoomed,
            List<Pane> panes,
            boolean excluded) {
        // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x
        // (RecordEqualityTest)
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            return other instanceof Window o
                    && java.util.Objects.equals(id, o.id)
                    && index == o.index
                    && java.util.Objects.equals(name, o.name)
                    && active == o.active
                    && width == o.width
                    && height == o.height
                    && zoomed == o.zoomed
                    && java.util.Objects.equals(panes, o.panes)
                    && excluded == o.excluded;
        }

        @Override
        public int hashCode() {
            int h = java.util.Objects.hashCode(id);
            h = 31 * h + index;
            h = 31 * h + java.util.Objects.hashCode(name);
            h = 31 * h + Boolean.hashCode(active);
            h = 31 * h + width;
            h = 31 * h + height;
            h = 31 * h + Boolean.hashCode(zoomed);
            h = 31 * h + java.util.Objects.hashCode(panes);
            h = 31 * h + Boolean.hashCode(excluded);
            return h;
        }

        public Window {
            panes = List.copyOf(panes);
        }

        /** A window that is not excluded (test fixtures); copies must pass {@code excluded} on. */
        public Window(
                String id,
                int index,
                String name,
                boolean active,
                int width,
                int height,
                boolean zoomed,
                List<Pane> panes) {
            this(id, index, name, active, width, height, zoomed, panes, false);
        }
    }

    /** A pane; {@code sidebar} is true when the pane option {@code @muxbar-sidebar} is set. */
    public record Pane(
            String id,
            String tty,
            long pid,
            String command,
            String cwd,
            boolean active,
            String title,
            int width,
            int height,
            boolean sidebar) {
        // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x
        // (RecordEqualityTest)
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            return other instanceof Pane o
                    && java.util.Objects.equals(id, o.id)
                    && java.util.Objects.equals(tty, o.tty)
                    && pid == o.pid
                    && java.util.Objects.equals(command, o.command)
                    && java.util.Objects.equals(cwd, o.cwd)
                    && active == o.active
                    && java.util.Objects.equals(title, o.title)
                    && width == o.width
                    && height == o.height
                    && sidebar == o.sidebar;
        }

        @Override
        public int hashCode() {
            int h = java.util.Objects.hashCode(id);
            h = 31 * h + java.util.Objects.hashCode(tty);
            h = 31 * h + Long.hashCode(pid);
            h = 31 * h + java.util.Objects.hashCode(command);
            h = 31 * h + java.util.Objects.hashCode(cwd);
            h = 31 * h + Boolean.hashCode(active);
            h = 31 * h + java.util.Objects.hashCode(title);
            h = 31 * h + width;
            h = 31 * h + height;
            h = 31 * h + Boolean.hashCode(sidebar);
            return h;
        }
    }

    /**
     * An attached user client. {@code activity} (last input, seconds) is carried for readers but
     * left out of equals/hashCode: it changes on every keypress and must not cause a publish.
     * {@code rgb}: the client's terminal takes 24-bit colour (tmux's {@code RGB} terminal feature).
     */
    public record Client(
            String name, String tty, long pid, String sessionId, long activity, int width, int height, boolean rgb) {
        public Client(String name, String tty, long pid, String sessionId, long activity, int width, int height) {
            this(name, tty, pid, sessionId, activity, width, height, true);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Client c
                    && name.equals(c.name)
                    && tty.equals(c.tty)
                    && pid == c.pid
                    && sessionId.equals(c.sessionId)
                    && width == c.width
                    && height == c.height
                    && rgb == c.rgb;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(name, tty, pid, sessionId, width, height, rgb);
        }
    }
}
