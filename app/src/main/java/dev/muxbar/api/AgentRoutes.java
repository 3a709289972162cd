package dev.muxbar.api;

import dev.muxbar.agents.HookMapping;
import dev.muxbar.agents.Signal;
import dev.muxbar.agents.Tracker;
import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import dev.muxbar.model.Model;
import dev.muxbar.state.Core;
import dev.muxbar.state.Event;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.jetty.util.Fields;

/**
 * The agent endpoints: hook payloads exactly as the tools send them, and the generic event.
 *
 * <pre>
 * POST /hooks/claude?pane=%3[&amp;pid=N]   body: Claude Code hook JSON (stdin of the hook command)
 * POST /hooks/codex?pane=%3[&amp;pid=N]    body: Codex notify JSON (its last argument) or hook JSON
 * POST /agent-event                     body: {"agent","status","pane"|"session"|"cwd","thread","title","message"}
 * GET  /agents/screen?pane=%3         → {"pane":"%3","lines":["…"]}: the agent pane's last lines, with colours
 * GET  /agents/explain[?pane=%3]        → {"agents":[{"row":{…},"evidence":"hook PermissionRequest Bash",
 *                                          "ageMs":1200,"quietMs":900,"hooked":true,"openTools":1,"transitions":[…]}]}
 * </pre>
 */
final class AgentRoutes {

    private final Core core;
    private final dev.muxbar.act.AgentActions actions; // null: acting on agents is not offered

    AgentRoutes(Core core, dev.muxbar.act.AgentActions actions) {
        this.core = core;
        this.actions = actions;
    }

    /** {@code GET /agents/prompt|screen|explain} and {@code POST /agents/answer}; null: not one of these. */
    Reply route(String method, String path, Fields query) {
        if (!java.util.Set.of("/agents/prompt", "/agents/screen", "/agents/explain", "/agents/answer")
                .contains(path)) {
            return null;
        }
        if (!method.equals(path.equals("/agents/answer") ? "POST" : "GET")) {
            return Routes.notAllowed(method, path);
        }
        return switch (path) {
            case "/agents/prompt" -> prompt(query);
            case "/agents/screen" -> screen(query);
            case "/agents/answer" -> answer(query);
            default -> explain(query);
        };
    }

    /** GET /agents/prompt?pane=%3: the agent's status and the prompt it shows, with choices and their hash. */
    Reply prompt(Fields query) {
        String pane = query.getValue("pane");
        Reply bad = checkPane(pane);
        if (bad != null) {
            return bad;
        }
        return Reply.await(
                actions.show(pane),
                shown -> {
                    if (shown.isEmpty()) {
                        return Reply.error(404, "no agent row in pane " + pane);
                    }
                    return Reply.ok(Json.write(shown.get()));
                },
                Reply::busy);
    }

    /** GET /agents/screen?pane=%3: the agent pane's lines with their colours (another machine's peek). */
    Reply screen(Fields query) {
        String pane = query.getValue("pane");
        Reply bad = checkPane(pane);
        if (bad != null) {
            return bad;
        }
        return Reply.await(
                actions.screen(pane),
                lines -> lines.isEmpty()
                        ? Reply.error(404, "no agent row in pane " + pane)
                        : Reply.ok(Json.object()
                                .put("pane", pane)
                                .put("lines", lines.get())
                                .toString()),
                Reply::busy);
    }

    /** POST /agents/answer?pane=%3&amp;choice=N&amp;prompt=HASH: picks choice N of that prompt, or says why not (409). */
    Reply answer(Fields query) {
        String pane = query.getValue("pane");
        Reply bad = checkPane(pane);
        if (bad != null) {
            return bad;
        }
        String choice = query.getValue("choice");
        String hash = query.getValue("prompt");
        if (choice == null || !choice.matches("[1-9]")) {
            return Reply.error(
                    400,
                    "choice must be the number of a choice, 1-9, got: " + (choice == null ? "nothing" : clip(choice)));
        }
        if (hash == null || !hash.matches("[0-9a-f]{16}")) {
            return Reply.error(
                    400,
                    "prompt must be the 16-hex hash GET /agents/prompt gives, got: "
                            + (hash == null ? "nothing" : clip(hash)));
        }
        return Reply.await(actions.answer(pane, Integer.parseInt(choice), hash), AgentRoutes::outcome, Reply::busy);
    }

    /** POST /agents/reply?pane=%3[&amp;force=1], the text as the body: typed into the agent's input, then Enter. */
    Reply reply(String body, Fields query) {
        String pane = query.getValue("pane");
        Reply bad = checkPane(pane);
        if (bad != null) {
            return bad;
        }
        String text = body.endsWith("\n") ? body.substring(0, body.length() - 1) : body; // curl -d @file, echo
        return Reply.await(
                actions.reply(pane, text, "1".equals(query.getValue("force"))), AgentRoutes::outcome, Reply::busy);
    }

    private Reply checkPane(String pane) {
        if (actions == null) {
            return Reply.error(503, "acting on agents is not offered by this server");
        }
        if (pane == null || !pane.matches("%[0-9]{1,9}")) {
            return Reply.error(400, "pane must look like %3, got: " + (pane == null ? "nothing" : clip(pane)));
        }
        return null;
    }

    private static Reply outcome(dev.muxbar.act.AgentActions.Outcome o) {
        if (o instanceof dev.muxbar.act.AgentActions.Outcome.Sent
                || o instanceof dev.muxbar.act.AgentActions.Outcome.SentThere) {
            return Reply.ok(
                    Json.object().put("ok", true).put("sent", o.message()).toString());
        } else if (o instanceof dev.muxbar.act.AgentActions.Outcome.Refused r) {
            return Reply.error(r.status(), r.message());
        }
        throw new AssertionError(o);
    }

    private static String clip(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }

    /**
     * Never blocks: runs on Jetty's selector thread (parsing and mapping the body), hands the signal
     * to the loop and completes when the loop has applied it.
     */
    CompletionStage<Reply> hook(String agent, String body, Fields query) {
        Node json = parse(body);
        if (json == null) {
            return now(Reply.error(400, "the body is not JSON"));
        }
        try {
            Signal s = agent.equals("claude")
                    ? HookMapping.claude(json, query.getValue("pane"), query.getValue("pid"))
                    : HookMapping.codex(json, query.getValue("pane"), query.getValue("pid"));
            return submit(s);
        } catch (IllegalArgumentException e) {
            return now(Reply.error(400, e.getMessage()));
        }
    }

    /** As {@link #hook}: never blocks. */
    CompletionStage<Reply> event(String body) {
        Node json = parse(body);
        if (json == null) {
            return now(Reply.error(400, "the body is not JSON"));
        }
        try {
            Signal s = HookMapping.generic(json);
            String session = s.where().session();
            if (session != null) {
                Model m = core.model();
                String id = m == null ? null : Routes.resolveSession(m.snapshot(), session);
                if (id == null) {
                    return now(Reply.error(404, "no session " + session));
                }
                s = s.placed(new Signal.Where(s.where().pane(), id, s.where().cwd(), null));
            }
            return submit(s);
        } catch (IllegalArgumentException e) {
            return now(Reply.error(400, e.getMessage()));
        }
    }

    private static CompletionStage<Reply> now(Reply r) {
        return CompletableFuture.completedFuture(r);
    }

    Reply explain(Fields query) {
        String pane = query.getValue("pane");
        if (pane != null && !pane.matches("%[0-9]{1,9}")) {
            return Reply.error(400, "pane must look like %3, got: " + clip(pane));
        }
        CompletableFuture<java.util.List<dev.muxbar.agents.Explanation>> done = new CompletableFuture<>();
        core.post(new Event.ExplainAgents(pane, done));
        return Reply.await(
                done,
                list -> {
                    return Reply.ok(Json.write(java.util.Map.of("agents", list)));
                },
                Reply::busy);
    }

    /** The loop's outcome as a reply, completed on the loop thread (the caller bounds the wait). */
    private CompletionStage<Reply> submit(Signal s) {
        CompletableFuture<Tracker.Outcome> done = new CompletableFuture<>();
        core.post(new Event.AgentSignal(s, done));
        return done.handle((o, err) -> err != null
                ? Reply.busy(err)
                : o == Tracker.Outcome.NO_PANE
                        ? Reply.error(
                                404,
                                "no tmux pane matches this " + s.agent()
                                        + " event: pass pane=%N ($TMUX_PANE), pid, session or a cwd a pane is in")
                        : o == Tracker.Outcome.NOT_RUNNING
                                ? Reply.error(
                                        404,
                                        "pane " + s.where().pane() + " runs no " + s.agent()
                                                + running(s.where().pane())
                                                + ": only a hook may speak for an agent its pane does not run")
                                : Reply.ok("{\"ok\":true,\"outcome\":\""
                                        + o.name().toLowerCase(java.util.Locale.ROOT) + "\"}"));
    }

    /** " (it runs bash)", or "" when the model does not say (the loop's thread reads its own model). */
    private String running(String pane) {
        dev.muxbar.model.Model m = core.model();
        return m == null
                ? ""
                : m.snapshot()
                        .pane(pane)
                        .map(p -> p.command().isEmpty() ? "" : " (it runs " + clip(p.command()) + ")")
                        .orElse("");
    }

    private static Node parse(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.parse(body);
        } catch (Json.JsonException e) {
            return null;
        }
    }
}
