package dev.muxbar.hosts;

import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import dev.muxbar.model.Agent;
import dev.muxbar.model.RemoteSession;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.model.Wait;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one remote daemon's event stream ({@code GET /events}) says, kept as sessions and agents: fed
 * the stream's bytes as they come ({@link #feed}), it parses the server-sent events and applies
 * {@code snapshot}, {@code sessions} and {@code agent} ones. A remote's data is data: an event larger
 * than {@link #MAX_EVENT} ends the stream ({@link TooBig}), at most {@link #MAX_SESSIONS} sessions and
 * {@link #MAX_AGENTS} agents are kept, names lose control characters and are cut to
 * {@link #MAX_NAME}. Pure; one stream's reader feeds it, one at a time.
 */
public final class RemoteState {

    public static final int MAX_EVENT = 1 << 20;
    public static final int MAX_SESSIONS = 500;
    public static final int MAX_AGENTS = 500;
    static final int MAX_NAME = 100;

    /** An event larger than {@link #MAX_EVENT}: the stream is not followed further. */
    public static final class TooBig extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooBig() {
            super("an event over " + MAX_EVENT / 1024 + " KB");
        }
    }

    private record Seen(String id, String name, int windows, boolean attached) {}

    private final String host;
    private final String server;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int eventBytes;
    private String event = "message";
    private final StringBuilder data = new StringBuilder();
    private List<Seen> sessions = List.of();
    private final Map<String, Agent> agents = new LinkedHashMap<>(); // "pane agent" → agent

    /** What the daemon of tmux server {@code server} on {@code host} says. */
    public RemoteState(String host, String server) {
        this.host = host;
        this.server = server;
    }

    /** Bytes of the stream; true when an event changed what is kept. */
    public boolean feed(byte[] bytes, int from, int to) {
        boolean changed = false;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (++eventBytes > MAX_EVENT) {
                throw new TooBig();
            }
            if (b == '\n') {
                changed |= line(new String(line.toByteArray(), StandardCharsets.UTF_8));
                line.reset();
            } else if (b != '\r') {
                line.write(b);
            }
        }
        return changed;
    }

    private boolean line(String l) {
        if (l.isEmpty()) {
            boolean changed = data.length() > 0 && apply(event, data.toString());
            event = "message";
            data.setLength(0);
            eventBytes = 0;
            return changed;
        }
        if (l.startsWith("event:")) {
            event = l.substring(6).strip();
        } else if (l.startsWith("data:")) {
            data.append(l.substring(5).strip());
        }
        return false; // ids, comments (heartbeats)
    }

    private boolean apply(String type, String json) {
        Node n;
        try {
            n = Json.parse(json);
        } catch (java.io.IOException e) {
            return false; // not JSON: nothing to take from it
        }
        switch (type) {
            case "snapshot" -> {
                sessions = sessions(n.path("sessions"));
                agents.clear();
                n.path("agents").forEach(this::agent);
            }
            case "sessions" -> sessions = sessions(n.path("sessions"));
            case "agent" -> agent(n);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static List<Seen> sessions(Node list) {
        List<Seen> out = new ArrayList<>();
        for (Node s : list) {
            if (out.size() >= MAX_SESSIONS) {
                break;
            }
            out.add(new Seen(
                    clean(s.path("id").asText("")),
                    clean(s.path("name").asText("")),
                    Math.max(0, Math.min(9_999, s.path("windows").asInt(0))),
                    s.path("attached").asInt(0) > 0));
        }
        return List.copyOf(out);
    }

    private void agent(Node a) {
        String key =
                clean(a.path("pane").asText("")) + " " + clean(a.path("agent").asText(""));
        if (a.path("gone").asBoolean(false)) {
            agents.remove(key);
            return;
        }
        Status status = Status.parse(a.path("status").asText(""));
        if (status == null || (!agents.containsKey(key) && agents.size() >= MAX_AGENTS)) {
            return;
        }
        String waits = a.path("waitsFor").asText("");
        agents.put(
                key,
                new Agent(
                        clean(a.path("pane").asText("")),
                        clean(a.path("window").asText("")),
                        clean(a.path("session").asText("")),
                        clean(a.path("agent").asText("")),
                        null,
                        status,
                        Source.SCREEN,
                        0,
                        a.hasNonNull("title") ? clean(a.path("title").asText()) : null,
                        a.hasNonNull("message") ? clean(a.path("message").asText()) : null,
                        a.path("unseen").asBoolean(false),
                        waits.equals("question") ? Wait.QUESTION : waits.equals("plan") ? Wait.PLAN : null,
                        host));
    }

    /** The sessions as kept, each with its agents. */
    public List<RemoteSession> sessions() {
        List<RemoteSession> out = new ArrayList<>(sessions.size());
        for (Seen s : sessions) {
            List<Agent> mine = agents.values().stream()
                    .filter(a -> a.sessionId().equals(s.id()))
                    .toList();
            out.add(new RemoteSession(server, s.name(), s.windows(), s.attached(), mine));
        }
        return out;
    }

    static String clean(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().filter(c -> !Character.isISOControl(c)).limit(MAX_NAME).forEach(out::appendCodePoint);
        return out.toString();
    }
}
