package dev.muxbar.api;

import dev.muxbar.json.Json;
import java.util.Map;
import org.eclipse.jetty.util.Fields;

/**
 * Agents across restarts on the API:
 *
 * <pre>
 * POST /resume?policy=1                           the @muxbar-resume policy now (a tmux-resurrect restore ended)
 * POST /resume[?target=all|%3|SESSION|ID][&amp;dry=1]  → {"outcomes":[{"agent":"claude","done":true,"said":"typed into %5 (work:1.0): cd …"}]}
 * POST /hibernate?pane=%3                          → {"ok":true,"said":"hibernated claude in %3: freed 812 MB"}; 409 why not
 * POST /agents/new  {"agent":"claude","dir":"/src/app","branch":"fix-login","base":"main","session":…,"prompt":…,"args":[…]}
 *                                                  → {"ok":true,"said":"started claude in session app/fix-login (/src/app-fix-login)"}
 * GET  /agents/remembered[?ended=1]                → {"agents":[{"agent","resumeId","cwd","argv","env","session",…}]}
 * </pre>
 */
final class LifeRoutes {

    private final ServerActions actions;

    LifeRoutes(ServerActions actions) {
        this.actions = actions;
    }

    /** {@code POST /agents/new} with its JSON body: answered when the agent's session is made (git may take a while). */
    java.util.concurrent.CompletableFuture<Reply> start(String body) {
        dev.muxbar.json.Node n = parsed(body);
        Reply bad = check(n);
        if (bad != null) {
            return java.util.concurrent.CompletableFuture.completedFuture(bad);
        }
        java.util.List<String> args = new java.util.ArrayList<>();
        for (dev.muxbar.json.Node a : n.path("args")) {
            args.add(a.asText(""));
        }
        return actions.newAgent(
                        n.path("agent").asText(),
                        n.path("branch").asText(null),
                        n.path("base").asText(null),
                        n.path("dir").asText(null),
                        n.path("session").asText(null),
                        n.path("prompt").asText(null),
                        args)
                .handle((said, err) -> {
                    Throwable why = err instanceof java.util.concurrent.CompletionException && err.getCause() != null
                            ? err.getCause()
                            : err;
                    return why == null
                            ? Reply.ok(Json.write(Map.of("ok", true, "said", said)))
                            : Reply.error(
                                    why instanceof IllegalArgumentException ? 409 : 500,
                                    String.valueOf(why.getMessage()));
                });
    }

    private static dev.muxbar.json.Node parsed(String body) {
        try {
            return Json.parseStrict(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Why a body is no request to start an agent, or null. */
    private static Reply check(dev.muxbar.json.Node n) {
        if (n == null) {
            return Reply.error(400, "the body is not JSON");
        }
        if (!n.isObject() || !n.path("agent").asText("").matches("[a-z][a-z0-9-]{0,30}")) {
            return Reply.error(400, "agent: an agent kind such as claude or codex");
        }
        for (String field : java.util.List.of("branch", "base", "dir", "session", "prompt")) {
            if (n.path(field).asText("").chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0)) {
                return Reply.error(400, field + ": one line");
            }
        }
        for (dev.muxbar.json.Node a : n.path("args")) {
            if (a.asText("").chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0)) {
                return Reply.error(400, "args: one line each");
            }
        }
        return null;
    }

    /** One of these, or null: not a path of theirs. */
    Reply route(String method, String path, Fields query) {
        return switch (path) {
            case "/resume" -> method.equals("POST") ? resume(query) : Routes.notAllowed(method, path);
            case "/hibernate" -> method.equals("POST") ? hibernate(query) : Routes.notAllowed(method, path);
            case "/agents/remembered" ->
                method.equals("GET")
                        ? Reply.await(
                                actions.remembered("1".equals(query.getValue("ended"))),
                                list -> Reply.ok(Json.write(Map.of("agents", list))),
                                Reply::busy)
                        : Routes.notAllowed(method, path);
            default -> null;
        };
    }

    private Reply resume(Fields query) {
        if ("1".equals(query.getValue("policy"))) {
            return Reply.await(actions.resumePolicy(), v -> Reply.ok("{\"ok\":true}"), Reply::busy);
        }
        String target = query.getValue("target");
        if (target != null && (target.length() > 200 || target.chars().anyMatch(Character::isISOControl))) {
            return Reply.error(400, "target: a pane (%3), a session name, a resume id or all");
        }
        return Reply.await(
                actions.resume(target, "1".equals(query.getValue("dry"))),
                outcomes -> Reply.ok(Json.write(Map.of("outcomes", outcomes))),
                err -> err instanceof IllegalArgumentException
                        ? Reply.error(404, err.getMessage())
                        : Reply.error(500, String.valueOf(err.getMessage())));
    }

    private Reply hibernate(Fields query) {
        String pane = query.getValue("pane");
        if (pane == null || !pane.matches("%[0-9]{1,9}")) {
            return Reply.error(400, "pane must look like %3, got: " + (pane == null ? "nothing" : "something else"));
        }
        return Reply.await(
                actions.hibernate(pane),
                said -> Reply.ok(Json.write(Map.of("ok", true, "said", said))),
                err -> err instanceof IllegalStateException
                        ? Reply.error(409, err.getMessage())
                        : Reply.error(500, String.valueOf(err.getMessage())));
    }
}
