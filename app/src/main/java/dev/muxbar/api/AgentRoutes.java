package dev.muxbar.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.muxbar.agents.HookMapping;
import dev.muxbar.agents.Signal;
import dev.muxbar.agents.Tracker;
import dev.muxbar.model.Model;
import dev.muxbar.state.Core;
import dev.muxbar.state.Event;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.util.Fields;

/**
 * The agent endpoints: hook payloads exactly as the tools send them, and the generic event.
 *
 * <pre>
 * POST /hooks/claude?pane=%3[&amp;pid=N]   body: Claude Code hook JSON (stdin of the hook command)
 * POST /hooks/codex?pane=%3[&amp;pid=N]    body: Codex notify JSON (its last argument) or hook JSON
 * POST /agent-event                     body: {"agent","status","pane"|"session"|"cwd","thread","title","message"}
 * </pre>
 */
final class AgentRoutes {

    private final Core core;

    AgentRoutes(Core core) {
        this.core = core;
    }

    Reply hook(String agent, String body, Fields query) {
        JsonNode json = parse(body);
        if (json == null) {
            return Reply.error(400, "the body is not JSON");
        }
        try {
            Signal s = agent.equals("claude")
                    ? HookMapping.claude(json, query.getValue("pane"), query.getValue("pid"))
                    : HookMapping.codex(json, query.getValue("pane"), query.getValue("pid"));
            return submit(s);
        } catch (IllegalArgumentException e) {
            return Reply.error(400, e.getMessage());
        }
    }

    Reply event(String body) {
        JsonNode json = parse(body);
        if (json == null) {
            return Reply.error(400, "the body is not JSON");
        }
        try {
            Signal s = HookMapping.generic(json);
            String session = s.where().session();
            if (session != null) {
                Model m = core.model();
                String id = m == null ? null : Routes.resolveSession(m.snapshot(), session);
                if (id == null) {
                    return Reply.error(404, "no session " + session);
                }
                s = new Signal(s.source(), s.agent(), s.status(), new Signal.Where(s.where().pane(), id,
                        s.where().cwd(), null), s.thread(), s.title(), s.message(), false);
            }
            return submit(s);
        } catch (IllegalArgumentException e) {
            return Reply.error(400, e.getMessage());
        }
    }

    private Reply submit(Signal s) {
        CompletableFuture<Tracker.Outcome> done = new CompletableFuture<>();
        core.post(new Event.AgentSignal(s, done));
        return Reply.await(done, o -> o == Tracker.Outcome.NO_PANE
                ? Reply.error(404, "no tmux pane matches this " + s.agent()
                        + " event: pass pane=%N ($TMUX_PANE), pid, session or a cwd a pane is in")
                : Reply.ok("{\"ok\":true,\"outcome\":\"" + o.name().toLowerCase(java.util.Locale.ROOT) + "\"}"),
                Reply::busy);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
