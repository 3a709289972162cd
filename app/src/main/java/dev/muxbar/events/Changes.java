package dev.muxbar.events;

import dev.muxbar.json.Json;
import dev.muxbar.json.JsonObject;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two published models, as stream events: pure. Payloads carry no times (two
 * equal states give equal bytes), so an unchanged model gives no event at all.
 *
 * <pre>
 * sessions  {"sessions":[{"id":"$1","name":"work","index":1,"windows":2,"attached":1},…]}
 * agent     {"pane":"%3","agent":"claude","host":null,"session":"$1","sessionName":"work","window":"@2","status":"waiting",
 *            "waitsFor":"permission","source":"hook","title":"…","message":"…","unseen":false,"memKb":831488,"cpu":3}
 * agent     {"pane":"%3","agent":"claude","session":"$1","gone":true}
 * theme     {"name":"nord"}
 * notice    {"text":"claude waits for you in work"}
 * usage     {"pane":"%3","agent":"claude","contextPercent":62,"costUsd":1.2,…}  (see {@link UsageEvents})
 * host      {"host":"devbox","state":"up","reason":"","servers":[…],"sessions":[…]}  (see {@link HostEvents})
 * meta      {"session":"$1","status":{"text":"tests green","tone":"ok"},"progress":{"n":3,"of":8,"percent":38},"log":[…]}
 * </pre>
 */
final class Changes {
    private Changes() {}

    /** One change: its type, the key under which a later one replaces it, its session (for filters), its JSON. */
    record Change(String type, String key, String session, String pane, String json) {}

    /** The changes from {@code before} (null: nothing yet) to {@code after}. */
    static List<Change> between(Model before, Model after) {
        List<Change> out = new ArrayList<>();
        // Most models change one agent: compare values first, write JSON only for what differs.
        if (before == null || !before.shown().equals(after.shown())) {
            String s = sessions(after);
            if (before == null || !s.equals(sessions(before))) {
                out.add(new Change("sessions", "sessions", null, null, s));
            }
        }
        Map<String, Agent> old = new HashMap<>();
        if (before != null) {
            before.agents().forEach(a -> old.put(key(a), a));
        }
        Map<String, Agent> now = new LinkedHashMap<>();
        after.agents().forEach(a -> now.put(key(a), a));
        for (Map.Entry<String, Agent> e : now.entrySet()) {
            Agent was = old.get(e.getKey());
            if (was != null
                    && was.equals(e.getValue())
                    && before.snapshot() == after.snapshot()
                    && java.util.Objects.equals(before.costOf(was.pane()), after.costOf(was.pane()))) {
                continue;
            }
            String json = agent(after, e.getValue());
            if (was == null || !json.equals(agent(before, was))) {
                out.add(new Change(
                        "agent",
                        "agent " + e.getKey(),
                        e.getValue().sessionId(),
                        e.getValue().pane(),
                        json));
            }
        }
        for (Map.Entry<String, Agent> e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                Agent a = e.getValue();
                JsonObject gone = Json.object()
                        .put("pane", a.pane())
                        .put("agent", a.agent())
                        .put("session", a.sessionId())
                        .put("gone", true);
                out.add(new Change("agent", "agent " + e.getKey(), a.sessionId(), a.pane(), gone.toString()));
            }
        }
        java.util.Set<String> sessions = new java.util.HashSet<>(after.meta().keySet());
        if (before != null) {
            sessions.addAll(before.meta().keySet());
        }
        for (String id : sessions) {
            dev.muxbar.model.Meta said = after.metaOf(id);
            if (before == null ? !said.isEmpty() : !said.equals(before.metaOf(id))) {
                out.add(new Change(
                        "meta", "meta " + id, id, null, meta(id, said).toString()));
            }
        }
        if (before == null || before.hosts() != after.hosts()) {
            HostEvents.between(before, after, out);
        }
        if (before == null || before.usage() != after.usage()) {
            UsageEvents.between(before, after, out);
        }
        String theme = after.choices().theme();
        if (before == null || !Objects.equals(theme, before.choices().theme())) {
            out.add(new Change(
                    "theme",
                    "theme",
                    null,
                    null,
                    Json.object().put("name", theme).toString()));
        }
        String notice = after.choices().notice();
        if (before != null && !Objects.equals(notice, before.choices().notice())) {
            out.add(new Change(
                    "notice",
                    "notice",
                    null,
                    null,
                    Json.object().put("text", notice).toString()));
        }
        return out;
    }

    /** The whole state as one event's JSON: sessions, agents, script metadata, hosts, usage, theme. */
    static String snapshot(Model m, Filter f) {
        JsonObject root = Json.object().put("sessions", sessionList(m));
        List<Object> agents = root.putArray("agents");
        for (Agent a : m.agents()) {
            if (f.accepts("agent", a.sessionId(), a.pane())) {
                agents.add(agentObject(m, a));
            }
        }
        List<Object> meta = new ArrayList<>();
        m.meta().forEach((session, said) -> {
            if (!said.isEmpty() && f.accepts("meta", session, null)) {
                meta.add(meta(session, said));
            }
        });
        if (!meta.isEmpty()) {
            root.put("meta", meta); // a client that comes in late still sees what scripts said
        }
        if (!m.hosts().isEmpty() && f.accepts("host", null, null)) {
            root.put("hosts", HostEvents.all(m));
        }
        if (!m.usage().isEmpty()) {
            List<Object> usage = UsageEvents.all(m, f);
            if (!usage.isEmpty()) {
                root.put("usage", usage);
            }
        }
        root.put("theme", m.choices().theme());
        return root.toString();
    }

    /** A session's script metadata without its expiry times (equal states, equal bytes). */
    private static JsonObject meta(String sessionId, dev.muxbar.model.Meta m) {
        JsonObject n = Json.object().put("session", sessionId);
        if (m.status() != null) {
            n.putObject("status")
                    .put("text", m.status().text())
                    .put("tone", m.status().tone().label());
        }
        if (m.progress() != null) {
            n.putObject("progress")
                    .put("n", m.progress().done())
                    .put("of", m.progress().of())
                    .put("percent", m.progress().percent());
        }
        List<Object> log = n.putArray("log");
        m.log()
                .forEach(l -> log.add(
                        Json.object().put("text", l.text()).put("tone", l.tone().label())));
        return n;
    }

    private static String key(Agent a) {
        return a.pane() + " " + a.agent();
    }

    private static String sessions(Model m) {
        return Json.object().put("sessions", sessionList(m)).toString();
    }

    private static List<Object> sessionList(Model m) {
        List<Object> list = new ArrayList<>();
        int i = 1;
        for (Snapshot.Session s : m.shown()) {
            list.add(Json.object()
                    .put("id", s.id())
                    .put("name", s.name())
                    .put("index", i++)
                    .put("windows", s.windows().size())
                    .put("attached", s.attached()));
        }
        return list;
    }

    private static String agent(Model m, Agent a) {
        return agentObject(m, a).toString();
    }

    private static JsonObject agentObject(Model m, Agent a) {
        Snapshot snap = m.snapshot();
        dev.muxbar.model.Cost cost = m.costOf(a.pane());
        return Json.object()
                .put("pane", a.pane())
                .put("agent", a.agent())
                .put("host", a.host())
                .put("session", a.sessionId())
                .put(
                        "sessionName",
                        snap.sessions().stream()
                                .filter(s -> s.id().equals(a.sessionId()))
                                .map(Snapshot.Session::name)
                                .findFirst()
                                .orElse(null))
                .put("window", a.windowId())
                .put("status", a.status().label())
                .put("waitsFor", a.waitsFor() == null ? null : a.waitsFor().label())
                .put("source", a.source().label())
                .put("title", a.title())
                .put("message", a.message())
                .put("unseen", a.unseen())
                .put("memKb", cost == null ? null : cost.memKb())
                .put("cpu", cost == null ? null : cost.cpuPct());
    }
}
