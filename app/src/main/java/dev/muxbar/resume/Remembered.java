package dev.muxbar.resume;

import dev.muxbar.json.Json;
import dev.muxbar.json.JsonObject;
import dev.muxbar.json.Node;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One agent muxbar remembers: its kind, the id its CLI resumes it by (null: not known — its latest
 * conversation in {@code cwd} is brought back), the pane's cwd, its argv as started, the environment
 * variables that decide where it keeps its data (only those: the rest may hold secrets), where it ran
 * (session name, window index and name, the pane's place among the window's content panes and its
 * id then), its last status and when (wall ms), how it was
 * left, the memory hibernating it freed (kB), and why its last resume failed (null: none).
 */
public record Remembered(
        String agent,
        String resumeId,
        String cwd,
        List<String> argv,
        Map<String, String> env,
        String session,
        int window,
        String windowName,
        int pane,
        String paneId,
        String status,
        long at,
        State state,
        long freedKb,
        String error) {

    /** Running (or it went with its tmux server), ended by the user, or ended by muxbar to free memory. */
    public enum State {
        LIVE,
        ENDED,
        HIBERNATED
    }

    public Remembered {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    /** What names it: its kind and resume id, or without an id, its kind and place. */
    public String key() {
        return agent + " " + (resumeId != null ? resumeId : "@" + session + ":" + window + "." + pane + " " + cwd);
    }

    public Remembered with(State s, String why) {
        return new Remembered(
                agent,
                resumeId,
                cwd,
                argv,
                env,
                session,
                window,
                windowName,
                pane,
                paneId,
                status,
                at,
                s,
                freedKb,
                why);
    }

    public Remembered freed(long kb) {
        return new Remembered(
                agent,
                resumeId,
                cwd,
                argv,
                env,
                session,
                window,
                windowName,
                pane,
                paneId,
                status,
                at,
                state,
                kb,
                error);
    }

    JsonObject json() {
        return Json.object()
                .put("agent", agent)
                .put("resumeId", resumeId)
                .put("cwd", cwd)
                .put("argv", argv)
                .put("env", new java.util.TreeMap<>(env))
                .put("session", session)
                .put("window", window)
                .put("windowName", windowName)
                .put("pane", pane)
                .put("paneId", paneId)
                .put("status", status)
                .put("at", at)
                .put("state", state.name().toLowerCase(java.util.Locale.ROOT))
                .put("freedKb", freedKb)
                .put("error", error);
    }

    /** One entry of the file; a bad one throws with what is wrong. */
    static Remembered of(Node n) {
        String agent = n.path("agent").asText("");
        String cwd = n.path("cwd").asText("");
        if (!agent.matches("[a-z][a-z0-9-]{0,30}") || !cwd.startsWith("/")) {
            throw new IllegalArgumentException("an entry without an agent kind or an absolute cwd");
        }
        List<String> argv = new ArrayList<>();
        n.path("argv").forEach(w -> argv.add(w.asText("")));
        Map<String, String> env = new LinkedHashMap<>();
        for (Iterator<String> it = n.path("env").fieldNames(); it.hasNext(); ) {
            String k = it.next();
            env.put(k, n.path("env").path(k).asText(""));
        }
        State state;
        try {
            state = State.valueOf(n.path("state").asText("live").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("state: " + n.path("state").asText(""));
        }
        return new Remembered(
                agent,
                n.path("resumeId").asText(null),
                cwd,
                argv,
                env,
                n.path("session").asText(""),
                n.path("window").asInt(0),
                n.path("windowName").asText(""),
                n.path("pane").asInt(0),
                n.path("paneId").asText(""),
                n.path("status").asText(""),
                n.path("at").asLong(0),
                state,
                n.path("freedKb").asLong(0),
                n.path("error").asText(null));
    }
}
