package dev.muxbar.api;

import dev.muxbar.json.Json;
import dev.muxbar.model.Model;
import dev.muxbar.model.Seat;
import dev.muxbar.model.Snapshot;
import dev.muxbar.state.Core;
import dev.muxbar.state.Event;
import dev.muxbar.state.Event.OrderEdit;
import dev.muxbar.theme.ThemeResult;
import dev.muxbar.theme.Themes;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.util.Fields;

/**
 * The API's endpoints other than the agents' ({@link AgentRoutes}): health and state, the order,
 * sidebars, switching, mutes, themes, keys. Each answers with a {@link Reply}; model changes go to
 * the loop as events, the rest through the daemon's {@link ServerActions}. The transport
 * (socket, limits, bodies) is {@link ApiServer}'s.
 */
final class Routes {

    private final Core core;
    private final ServerActions actions;
    private final UsageRoutes usageRoutes;
    private final WebControl webControl;
    private final String version;
    private final String tmux;
    private final long started = System.currentTimeMillis();

    private final MetaRoutes metaRoutes;
    private final LifeRoutes lifeRoutes;

    Routes(Core core, ServerActions actions, String version, String tmux) {
        this.tmux = tmux;
        this.metaRoutes = new MetaRoutes(core);
        this.lifeRoutes = new LifeRoutes(actions);
        this.webControl = new WebControl(actions);
        this.usageRoutes = new UsageRoutes(core, actions.usage(), java.time.Clock.systemUTC());
        this.core = core;
        this.actions = actions;
        this.version = version;
    }

    /** {@code POST /agents/new}: see {@link LifeRoutes}. */
    CompletableFuture<Reply> startAgent(String body) {
        return lifeRoutes.start(body);
    }

    Reply route(String method, String path, Fields query) {
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        Reply life = lifeRoutes.route(method, path, query);
        if (life != null) {
            return life;
        }
        Reply web = webControl.route(method, path, query);
        if (web != null) {
            return web;
        }
        switch (path) {
            case "/health":
                return get ? Reply.ok(health()) : notAllowed(method, path);
            case "/state": {
                if (!get) return notAllowed(method, path);
                Model m = core.model();
                if (m == null) {
                    return Reply.error(503, "the daemon has not read tmux yet");
                }
                return state(m);
            }
            case "/order/move":
            case "/order/hide":
            case "/order/unhide":
            case "/order/reset":
                return post ? order(path.substring("/order/".length()), query) : notAllowed(method, path);
            case "/toggle":
                return post ? toggle(query.getValue("on")) : notAllowed(method, path);
            case "/sidebars":
                return get ? fromLoop(actions.describe()) : notAllowed(method, path);
            case "/switch":
                return post ? switchClient(query) : notAllowed(method, path);
            case "/usage":
                return get ? usageRoutes.get(query) : notAllowed(method, path);
            case "/next":
                return post ? next(query.getValue("client")) : notAllowed(method, path);
            case "/sessions/status":
            case "/sessions/progress":
            case "/sessions/log":
            case "/sessions/notify":
            case "/sessions/clear":
                return post
                        ? metaRoutes.handle(path.substring("/sessions/".length()), query)
                        : notAllowed(method, path);
            case "/mute":
                return post ? mute(query.getValue("session")) : notAllowed(method, path);
            case "/hooks/claude":
            case "/hooks/codex":
            case "/agent-event":
                return notAllowed(method, path);
            case "/themes":
                return get ? fromLoop(actions.themes()) : notAllowed(method, path);
            case "/theme":
                return post ? theme(query.getValue("name"), query.getValue("preview")) : notAllowed(method, path);
            case "/refresh": {
                // Reads tmux again now: for what tmux sends no notification about (an option such as
                // @muxbar-restoring, cleared when a tmux-resurrect restore ends).
                if (!post) return notAllowed(method, path);
                core.post(new Event.Reconcile());
                return Reply.ok("{\"ok\":true}");
            }
            case "/keys/rebind":
                return post
                        ? fromLoop(actions.rebindKeys().thenApply(n -> Map.of("keys", n)))
                        : notAllowed(method, path);
            default:
                return Reply.error(404, "no such endpoint: " + method + " " + path);
        }
    }

    private String health() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("ok", true);
        h.put("version", version);
        h.put("tmux", tmux); // the socket of the tmux server it serves
        h.put("pid", ProcessHandle.current().pid());
        h.put("uptimeMs", System.currentTimeMillis() - started);
        h.put("stats", core.stats());
        return Json.write(h);
    }

    private Reply order(String op, Fields query) {
        OrderEdit edit;
        if (op.equals("reset")) {
            edit = new OrderEdit.Reset();
        } else {
            String ref = query.getValue("session");
            if (ref == null || ref.isEmpty()) {
                return Reply.error(400, "missing query parameter: session (id like $3, or exact name)");
            }
            Model m = core.model();
            String id = m == null ? null : resolveSession(m.snapshot(), ref);
            if (id == null) {
                return Reply.error(404, "no session " + ref);
            }
            if (op.equals("move")) {
                String pos = query.getValue("position");
                int p = wholeFromOne(pos);
                if (p < 1) {
                    return Reply.error(400, "position must be a whole number from 1, got: " + pos);
                }
                edit = new OrderEdit.Move(id, p);
            } else {
                edit = op.equals("hide") ? new OrderEdit.Hide(id) : new OrderEdit.Unhide(id);
            }
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        core.post(new Event.EditOrder(edit, done));
        return Reply.await(
                done,
                v -> Reply.ok("{\"ok\":true}"),
                c -> Reply.error(c instanceof IllegalArgumentException ? 404 : 409, c.getMessage()));
    }

    /** Line N of the order for the client on {@code client} (its tty), as the M-N keys do. */
    private Reply switchClient(Fields query) {
        Model m = core.model();
        if (m == null) {
            return Reply.error(503, "the daemon has not read tmux yet");
        }
        String index = query.getValue("index");
        String client = query.getValue("client");
        int n = wholeFromOne(index);
        if (n < 1) {
            return Reply.error(400, "index must be a whole number from 1, got: " + index);
        }
        if (n > m.shown().size()) {
            return Reply.error(
                    404, "no session at position " + n + " (" + m.shown().size() + " shown)");
        }
        if (client == null
                || m.snapshot().clients().stream().noneMatch(c -> c.tty().equals(client))) {
            return Reply.error(404, "no attached client on " + client);
        }
        String id = m.shown().get(n - 1).id();
        // The move of the control client first (if any), then the switch: the reply is the switch's.
        List<TmuxCommand<Void>> steps = Commands.switchUser(Seat.of(m.snapshot()), client, id);
        CompletableFuture<Void> last = null;
        for (TmuxCommand<Void> step : steps) {
            last = actions.tmux(step);
        }
        return fromLoop(last.thenApply(r -> Map.of("session", id)));
    }

    /**
     * {@code POST /next?client=TTY}: that client to the session whose agent needs the user most, here
     * or on another machine (opened in a local window); from there to the next one.
     */
    private Reply next(String client) {
        Model m = core.model();
        if (m == null) {
            return Reply.error(503, "the daemon has not read tmux yet");
        }
        if (client == null
                || m.snapshot().clients().stream().noneMatch(c -> c.tty().equals(client))) {
            return Reply.error(404, "no attached client on " + client);
        }
        return fromLoop(actions.next(client).thenApply(to -> Map.of("to", to)));
    }

    /** {@code POST /theme?name=nord} shows and saves it; {@code &preview=1} only shows it. */
    private Reply theme(String name, String preview) {
        if (name == null || name.isEmpty()) {
            return Reply.error(400, "missing query parameter: name (muxbar themes list shows them)");
        }
        if (!Themes.plausibleName(name)) {
            return Reply.error(
                    400,
                    "not a theme name: it has a control character, a '/' or over 100 characters"
                            + " (muxbar themes list shows them)");
        }
        boolean keep = preview == null || !(preview.equals("1") || preview.equals("true"));
        return Reply.await(actions.setTheme(name, keep), Routes::themeReply, Reply::busy);
    }

    private static Reply themeReply(ThemeResult r) {
        if (r instanceof ThemeResult.Shown s) {
            return Reply.ok(Json.object()
                    .put("ok", true)
                    .put("theme", s.name())
                    .put("saved", s.saved())
                    .toString());
        } else if (r instanceof ThemeResult.NoSuchTheme) {
            return Reply.error(404, r.message());
        } else if (r instanceof ThemeResult.BrokenFile || r instanceof ThemeResult.NotSaved) {
            return Reply.error(422, r.message());
        }
        throw new AssertionError(r);
    }

    private Reply mute(String ref) {
        Model m = core.model();
        String id = m == null || ref == null ? null : resolveSession(m.snapshot(), ref);
        if (id == null) {
            return Reply.error(404, "no session " + ref);
        }
        core.post(new Event.ToggleMute(id));
        return Reply.ok("{\"ok\":true}");
    }

    private Reply toggle(String on) {
        Boolean want;
        if (on == null) {
            want = null;
        } else if (on.equals("1") || on.equals("true")) {
            want = true;
        } else if (on.equals("0") || on.equals("false")) {
            want = false;
        } else {
            return Reply.error(400, "on must be 1 or 0, got: " + on);
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        core.post(new Event.SetSidebars(want, done));
        return fromLoop(done.thenApply(enabled -> Map.of("sidebars", enabled)));
    }

    /** Waits (bounded) for an answer computed on the loop and returns it as JSON. */
    private Reply fromLoop(CompletableFuture<?> answer) {
        return Reply.await(
                answer,
                v -> {
                    return Reply.ok(Json.write(v));
                },
                Reply::busy);
    }

    /** The last /state answer and the model it was written from: polling an unchanged model costs nothing. */
    private volatile Written lastState = new Written(null, null);

    private record Written(Model model, Reply reply) {}

    private Reply state(Model m) {
        Written last = lastState;
        if (last.model() != m) {
            String body = Json.write(m);
            last = new Written(
                    m, new Reply(200, body, "\"" + Integer.toHexString(body.hashCode()) + "-" + body.length() + "\""));
            lastState = last;
        }
        return last.reply();
    }

    /** A query value as a whole number from 1, or 0 when it is missing or not one. */
    private static int wholeFromOne(String v) {
        try {
            return Math.max(0, Integer.parseInt(v == null ? "" : v));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A session reference: an id ({@code $3}) if one exists, else an exact name. */
    static String resolveSession(Snapshot s, String ref) {
        if (ref.matches("\\$[0-9]+") && s.session(ref).isPresent()) {
            return ref;
        }
        return s.sessions().stream()
                .filter(x -> x.name().equals(ref))
                .map(Snapshot.Session::id)
                .findFirst()
                .orElse(null);
    }

    static Reply notAllowed(String method, String path) {
        return Reply.error(405, method + " is not allowed on " + path);
    }
}
