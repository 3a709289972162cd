package dev.muxbar.state;

import java.util.List;
import java.util.Optional;

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

    /** The tmux server process: pid, start time (seconds) and version. Identifies a server across daemon restarts. */
    public record ServerInfo(long pid, long startTime, String version) {}

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
    public record Window(String id, int index, String name, boolean active, String layout,
                         int width, int height, List<Pane> panes) {
        public Window {
            panes = List.copyOf(panes);
        }
    }

    /** A pane; {@code sidebar} is true when the pane option {@code @muxbar-sidebar} is set. */
    public record Pane(String id, String tty, long pid, String command, String cwd, boolean active,
                       String title, int width, int height, boolean sidebar) {}

    /**
     * An attached user client. {@code activity} (last input, seconds) is carried for readers but
     * left out of equals/hashCode: it changes on every keypress and must not cause a publish.
     */
    public record Client(String name, String tty, long pid, String sessionId, long activity, int width, int height) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Client c && name.equals(c.name) && tty.equals(c.tty) && pid == c.pid
                    && sessionId.equals(c.sessionId) && width == c.width && height == c.height;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(name, tty, pid, sessionId, width, height);
        }
    }
}
