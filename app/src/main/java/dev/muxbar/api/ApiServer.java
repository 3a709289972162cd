package dev.muxbar.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.muxbar.model.Model;
import dev.muxbar.model.Snapshot;
import dev.muxbar.state.Core;
import dev.muxbar.state.Event.OrderEdit;
import dev.muxbar.state.Event;
import dev.muxbar.theme.ThemeResult;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * HTTP/1.1 on {@code daemon.sock}. Every request is answered with JSON; bad input gets a 4xx
 * {@code {"error": …}} and changes nothing. Requests never wait on the loop longer than
 * {@link #LOOP_TIMEOUT_MS}.
 *
 * <pre>
 * GET  /health                              version, pid, uptime, counters
 * GET  /state                               the published model
 * POST /order/move?session=$3&amp;position=1    move a session in the shown order
 * POST /order/hide?session=NAME_OR_ID       leave a session out of sidebar and order file
 * POST /order/unhide?session=NAME_OR_ID
 * POST /order/reset                         forget the custom order
 * POST /toggle[?on=1|0]                     sidebars on/off (no parameter: flip)
 * GET  /sidebars                            open sidebars: pane, tty, window, size, paints, bytes of the last paint, ignored keys
 * POST /keys/rebind                         re-read @muxbar-bound-keys and bind them natively (plugin re-sourced)
 * POST /switch?index=N&amp;client=TTY          switch that client to line N of the order
 * POST /mute?session=NAME_OR_ID              mute/unmute a session's attention alerts
 * POST /hooks/claude, /hooks/codex, /agent-event   see {@link AgentRoutes}
 * </pre>
 */
public final class ApiServer implements AutoCloseable {

    static final long LOOP_TIMEOUT_MS = 2_000;
    /** Hook bodies carry tool inputs (whole files for Write): generous, but bounded. */
    static final int MAX_BODY = 1 << 20;
    /** Bytes of all request bodies being read at once: what stalled clients can hold of the heap. */
    static final int BODY_BUDGET = 8 << 20;
    /** A connection that sends nothing for this long (mid-body included) is closed. */
    static final long IDLE_TIMEOUT_MS = 10_000;
    /** Open connections at most; more wait in the socket's backlog. */
    static final int MAX_CONNECTIONS = 512;

    private final java.util.concurrent.Semaphore bodyBudget = new java.util.concurrent.Semaphore(BODY_BUDGET);

    private final Server server;
    private final Core core;
    private final String version;
    private final long started = System.currentTimeMillis();
    private final Actions actions;
    private final AgentRoutes agents;

    /** What the API asks of the rest of the daemon (sidebars, key bindings, tmux); all complete off the caller. */
    public interface Actions {
        /** On (true), off (false) or flipped (null); completes with the new state. */
        CompletableFuture<Boolean> toggle(Boolean on);

        /** The open sidebars. */
        CompletableFuture<List<?>> describe();

        /** Re-reads the plugin's keys and binds them natively again; completes with how many. */
        CompletableFuture<Integer> rebindKeys();

        /** Runs one tmux command through the daemon's gateway. */
        <T> CompletableFuture<T> tmux(TmuxCommand<T> command);

        /** The themes, the active one, the mode and (auto mode) the system appearance. */
        CompletableFuture<Map<String, Object>> themes();

        /** Shows a theme on every sidebar, saved when {@code keep}; completes with null or why it was refused. */
        CompletableFuture<ThemeResult> setTheme(String name, boolean keep);
    }

    public ApiServer(Path socket, Core core, String version, Actions actions) throws Exception {
        this.core = core;
        this.version = version;
        this.actions = actions;
        this.agents = new AgentRoutes(core);
        QueuedThreadPool pool = new QueuedThreadPool(6, 1);
        pool.setName("muxbar-api");
        pool.setDaemon(true);
        pool.setReservedThreads(0);
        server = new Server(pool);
        UnixDomainServerConnector connector = new UnixDomainServerConnector(server, 1, 1, new HttpConnectionFactory());
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        server.setErrorHandler(ApiServer::jsonError);
        Files.deleteIfExists(socket); // stale socket of a dead daemon; we hold the lock, so it is ours
        connector.setUnixDomainPath(socket);
        server.addConnector(connector);
        server.setHandler(new Routes());
        server.start();
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
    }

    private final class Routes extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            String method = request.getMethod();
            Fields query;
            try {
                query = Request.extractQueryParameters(request);
            } catch (RuntimeException e) {
                answer(request, response, callback, Reply.error(400, "the query is not valid URL encoding: "
                        + request.getHttpURI().getQuery()));
                return true;
            }
            if (BODY_PATHS.contains(path) && method.equals("POST")) {
                readBody(request, response, callback, path, query);
                return true;
            }
            answer(request, response, callback, safely(() -> route(method, path, query)));
            return true;
        }
    }

    private interface Answer {
        Reply get() throws JsonProcessingException;
    }

    private static Reply safely(Answer a) {
        try {
            return a.get();
        } catch (RuntimeException | JsonProcessingException e) {
            return Reply.error(500, "internal error: " + e);
        }
    }

    private static void answer(Request request, Response response, Callback callback, Reply reply) {
        if (reply.etag() != null) {
            response.getHeaders().put(HttpHeader.ETAG, reply.etag());
            if (reply.etag().equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
                response.setStatus(304);
                callback.succeeded();
                return;
            }
        }
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        Content.Sink.write(response, true, reply.body() + "\n", callback);
    }

    private static final java.util.Set<String> BODY_PATHS = java.util.Set.of("/hooks/claude", "/hooks/codex", "/agent-event");

    /**
     * Endpoints with a JSON body. The body is read asynchronously: a client that sends half a body and
     * stalls holds no thread (four such clients used to occupy every worker and delay all hooks by
     * 30 s), only its bytes, which count against {@link #BODY_BUDGET} for all bodies in flight; the
     * connection's idle timeout ends a stalled one.
     */
    private void readBody(Request request, Response response, Callback callback, String path, Fields query) {
        long declared = request.getLength(); // -1: chunked
        if (declared > MAX_BODY) {
            answer(request, response, callback, tooLarge());
            return;
        }
        int reserved = declared < 0 ? MAX_BODY : (int) declared;
        if (!bodyBudget.tryAcquire(reserved)) {
            answer(request, response, callback, Reply.error(503, "too many request bodies in flight; try again"));
            return;
        }
        // BLOCKING: the answer may wait (bounded) for the loop, so Jetty runs this on a pool thread.
        Content.Source.asByteArrayAsync(request, MAX_BODY, Promise.Invocable.from(InvocationType.BLOCKING, (bytes, failure) -> {
            bodyBudget.release(reserved);
            Reply reply;
            if (failure != null) {
                reply = declared < 0 && !(failure instanceof java.util.concurrent.TimeoutException) ? tooLarge()
                        : Reply.error(400, "cannot read the body: " + failure.getMessage());
            } else {
                String body = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                reply = safely(() -> switch (path) {
                    case "/hooks/claude" -> agents.hook("claude", body, query);
                    case "/hooks/codex" -> agents.hook("codex", body, query);
                    default -> agents.event(body);
                });
            }
            answer(request, response, callback, reply);
        }));
    }

    private static Reply tooLarge() {
        return Reply.error(413, "the body is larger than " + MAX_BODY + " bytes");
    }

    /**
     * Jetty's own rejections (a request line it cannot parse, headers or a URI too long) in the same
     * JSON as every other error, instead of Jetty's HTML page.
     */
    private static boolean jsonError(Request request, Response response, Callback callback) {
        Object message = request.getAttribute(org.eclipse.jetty.server.handler.ErrorHandler.ERROR_MESSAGE);
        int status = response.getStatus();
        String reason = org.eclipse.jetty.http.HttpStatus.getMessage(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        Content.Sink.write(response, true, Json.error(message == null || message.toString().isEmpty() ? reason
                : reason + ": " + message) + "\n", callback);
        return true;
    }

    private Reply route(String method, String path, Fields query) throws JsonProcessingException {
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
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
            case "/order/move": case "/order/hide": case "/order/unhide": case "/order/reset":
                return post ? order(path.substring("/order/".length()), query) : notAllowed(method, path);
            case "/toggle":
                return post ? toggle(query.getValue("on")) : notAllowed(method, path);
            case "/sidebars":
                return get ? fromLoop(actions.describe()) : notAllowed(method, path);
            case "/switch":
                return post ? switchClient(query) : notAllowed(method, path);
            case "/mute":
                return post ? mute(query.getValue("session")) : notAllowed(method, path);
            case "/hooks/claude": case "/hooks/codex": case "/agent-event":
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
                return post ? fromLoop(actions.rebindKeys().thenApply(n -> Map.of("keys", n))) : notAllowed(method, path);
            default:
                return Reply.error(404, "no such endpoint: " + method + " " + path);
        }
    }

    private String health() throws JsonProcessingException {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("ok", true);
        h.put("version", version);
        h.put("pid", ProcessHandle.current().pid());
        h.put("uptimeMs", System.currentTimeMillis() - started);
        h.put("stats", core.stats());
        return Json.MAPPER.writeValueAsString(h);
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
        return Reply.await(done, v -> Reply.ok("{\"ok\":true}"),
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
            return Reply.error(404, "no session at position " + n + " (" + m.shown().size() + " shown)");
        }
        if (client == null || m.snapshot().clients().stream().noneMatch(c -> c.tty().equals(client))) {
            return Reply.error(404, "no attached client on " + client);
        }
        String id = m.shown().get(n - 1).id();
        return fromLoop(actions.tmux(Commands.switchClient(client, id)).thenApply(r -> Map.of("session", id)));
    }

    /** {@code POST /theme?name=nord} shows and saves it; {@code &preview=1} only shows it. */
    private Reply theme(String name, String preview) {
        if (name == null || name.isEmpty()) {
            return Reply.error(400, "missing query parameter: name (muxbar themes list shows them)");
        }
        boolean keep = preview == null || !(preview.equals("1") || preview.equals("true"));
        return Reply.await(actions.setTheme(name, keep), ApiServer::themeReply, Reply::busy);
    }

    private static Reply themeReply(ThemeResult r) {
        if (r instanceof ThemeResult.Shown s) {
            return Reply.ok(Json.MAPPER.createObjectNode().put("ok", true).put("theme", s.name()).put("saved", s.saved()).toString());
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
        return fromLoop(actions.toggle(want).thenApply(enabled -> Map.of("sidebars", enabled)));
    }

    /** Waits (bounded) for an answer computed on the loop and returns it as JSON. */
    private Reply fromLoop(CompletableFuture<?> answer) {
        return Reply.await(answer, v -> {
            try {
                return Reply.ok(Json.MAPPER.writeValueAsString(v));
            } catch (JsonProcessingException e) {
                return Reply.error(500, "cannot write the answer: " + e.getOriginalMessage());
            }
        }, Reply::busy);
    }

    /** The last /state answer and the model it was written from: polling an unchanged model costs nothing. */
    private volatile Written lastState = new Written(null, null);

    private record Written(Model model, Reply reply) {}

    private Reply state(Model m) throws JsonProcessingException {
        Written last = lastState;
        if (last.model() != m) {
            String body = Json.MAPPER.writeValueAsString(m);
            last = new Written(m, new Reply(200, body, "\"" + Integer.toHexString(body.hashCode()) + "-" + body.length() + "\""));
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
        return s.sessions().stream().filter(x -> x.name().equals(ref)).map(Snapshot.Session::id)
                .findFirst().orElse(null);
    }

    private static Reply notAllowed(String method, String path) {
        return Reply.error(405, method + " is not allowed on " + path);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // shutting down anyway
        }
    }
}
