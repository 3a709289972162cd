package dev.muxbar.events;

import dev.muxbar.json.Json;
import dev.muxbar.json.JsonObject;
import dev.muxbar.model.Agent;
import dev.muxbar.model.HostView;
import dev.muxbar.model.Model;
import dev.muxbar.model.RemoteSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The other machines on the stream: a {@code host} event whenever what the model shows of one changes
 * — its link's state, and its sessions with their agents, each agent with its {@code host}. Without
 * times (equal states, equal bytes). A remote daemon's stream is read with {@code types=sessions,agents},
 * so these never travel on from one machine to the next.
 *
 * <pre>
 * host  {"host":"devbox","state":"up","reason":"","servers":["/tmp/tmux-1000/default"],
 *        "sessions":[{"server":"/tmp/tmux-1000/default","name":"train","windows":2,"attached":false,
 *                     "agents":[{"pane":"%3","agent":"claude","host":"devbox","status":"waiting",…}]}]}
 * </pre>
 */
final class HostEvents {
    private HostEvents() {}

    /** A {@code host} change for each host whose view differs from {@code before}'s (null: every host). */
    static void between(Model before, Model after, List<Changes.Change> out) {
        for (HostView h : after.hosts()) {
            HostView was = before == null ? null : find(before, h.name());
            if (was == null || !sameButTime(was, h)) {
                out.add(new Changes.Change("host", "host " + h.name(), null, null, json(h).toString()));
            }
        }
    }

    /** Every host, for a snapshot. */
    static List<Object> all(Model m) {
        List<Object> out = new ArrayList<>();
        m.hosts().forEach(h -> out.add(json(h)));
        return out;
    }

    private static HostView find(Model m, String name) {
        for (HostView h : m.hosts()) {
            if (h.name().equals(name)) {
                return h;
            }
        }
        return null;
    }

    private static boolean sameButTime(HostView a, HostView b) {
        return a.state().equals(b.state())
                && a.reason().equals(b.reason())
                && a.servers().equals(b.servers())
                && a.sessions().equals(b.sessions());
    }

    private static JsonObject json(HostView h) {
        JsonObject o = Json.object()
                .put("host", h.name())
                .put("state", h.state())
                .put("reason", h.reason())
                .put("servers", h.servers());
        List<Object> sessions = o.putArray("sessions");
        for (RemoteSession s : h.sessions()) {
            JsonObject so = Json.object()
                    .put("server", s.server())
                    .put("name", s.name())
                    .put("windows", s.windows())
                    .put("attached", s.attached());
            List<Object> agents = so.putArray("agents");
            for (Agent a : s.agents()) {
                agents.add(Json.object()
                        .put("pane", a.pane())
                        .put("agent", a.agent())
                        .put("host", Objects.requireNonNullElse(a.host(), h.name()))
                        .put("session", a.sessionId())
                        .put("sessionName", s.name())
                        .put("window", a.windowId())
                        .put("status", a.status().label())
                        .put(
                                "waitsFor",
                                a.waitsFor() == null ? null : a.waitsFor().label())
                        .put("title", a.title())
                        .put("message", a.message())
                        .put("unseen", a.unseen()));
            }
            sessions.add(so);
        }
        return o;
    }
}
