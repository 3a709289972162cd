package dev.muxbar.api;

import dev.muxbar.json.Json;
import dev.muxbar.state.Core;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
 * {@code {"error": …}} and changes nothing. Requests never wait on the loop much longer than
 * {@link #LOOP_TIMEOUT_MS} (agent events: at most a quarter more, see {@link WaitingReplies}).
 *
 * <pre>
 * GET  /health                              version, tmux server socket, pid, uptime, counters
 * GET  /state                               the published model
 * POST /order/move?session=$3&amp;position=1    move a session in the shown order
 * POST /order/hide?session=NAME_OR_ID       leave a session out of sidebar and order file
 * POST /order/unhide?session=NAME_OR_ID
 * POST /order/reset                         forget the custom order
 * POST /toggle[?on=1|0]                     sidebars on/off (no parameter: flip)
 * GET  /sidebars                            open sidebars: pane, tty, window, size, paints, bytes of the last paint, ignored keys
 * POST /keys/rebind                         re-read @muxbar-bound-keys and bind them natively (plugin re-sourced)
 * POST /switch?index=N&amp;client=TTY          switch that client to line N of the order
 * POST /next?client=TTY                     that client to the agent needing the user most, on any machine
 * POST /mute?session=NAME_OR_ID              mute/unmute a session's attention alerts
 * POST /hooks/claude, /hooks/codex, /agent-event   see {@link AgentRoutes}
 * POST /hooks/claude-status, GET /usage          see {@link UsageRoutes}
 * GET  /events[?types=agents,sessions&amp;session=S&amp;pane=%3]   Server-Sent Events (see {@link EventsRoute})
 * GET  /agents/explain[?pane=%3]                  why each agent row shows its status (see {@link AgentRoutes})
 * GET  /agents/prompt?pane=%3, GET /agents/screen?pane=%3, POST /agents/answer?pane=%3&amp;choice=N&amp;prompt=HASH,
 * POST /agents/reply?pane=%3[&amp;force=1] (text body)   act on an agent without switching (see {@link AgentRoutes})
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
    private final Routes routes;
    private final AgentRoutes agents;
    private final UsageRoutes usage;
    private final EventsRoute events;
    private final WaitingReplies waits;

    /** How long {@link #close} waits for the server to stop. */
    static final long STOP_MS = 3_000;

    /** {@code tmux}: the socket path of the tmux server the daemon serves (for {@code /health}). */
    public ApiServer(Path socket, Core core, String version, String tmux, ServerActions actions) throws Exception {
        this.routes = new Routes(core, actions, version, tmux);
        this.agents = new AgentRoutes(core, actions.agentActions());
        this.usage = new UsageRoutes(core, actions.usage(), java.time.Clock.systemUTC());
        this.events = new EventsRoute(core, actions.events());
        // Few threads: no acceptor thread (the one selector accepts, as it reads), idle workers go
        // after 10 s; at rest the API keeps its selector and Jetty's timer.
        QueuedThreadPool pool = new QueuedThreadPool(6, 1, 10_000);
        pool.setName("muxbar-api");
        pool.setDaemon(true);
        pool.setReservedThreads(0);
        server = new Server(pool);
        UnixDomainServerConnector connector = new UnixDomainServerConnector(server, 0, 1, new HttpConnectionFactory());
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        server.setErrorHandler(ApiServer::jsonError);
        Files.deleteIfExists(socket); // stale socket of a dead daemon; we hold the lock, so it is ours
        connector.setUnixDomainPath(socket);
        server.addConnector(connector);
        server.setHandler(new Transport());
        waits = new WaitingReplies(WaitingReplies.jettyTimer(server.getScheduler()), LOOP_TIMEOUT_MS);
        server.start();
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
    }

    /**
     * Every request. Jetty runs this on its selector thread (the handler is {@code NON_BLOCKING}):
     * agent events, the bulk of all requests, are read, parsed and handed to the loop right there and
     * answered from the loop when it has applied them, so a hook costs no hand-off to a worker thread
     * and back. Everything else may wait (bounded) on the loop or tmux and runs on a pool thread.
     */
    private final class Transport extends Handler.Abstract {
        Transport() {
            super(InvocationType.NON_BLOCKING);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            if (AGENT_EVENT_PATHS.contains(path) && request.getMethod().equals("POST")) {
                Fields query = query(request, response, callback);
                if (query != null) {
                    readBody(request, response, callback, InvocationType.NON_BLOCKING, body -> switch (path) {
                        case "/hooks/claude" -> agents.hook("claude", body, query);
                        case "/hooks/codex" -> agents.hook("codex", body, query);
                        case "/hooks/claude-status" -> usage.statusLine(body, query);
                        default -> agents.event(body);
                    });
                }
                return true;
            }
            server.getThreadPool().execute(() -> route(request, response, callback, path));
            return true;
        }
    }

    /** The query's parameters, or null when they are not valid URL encoding (then answered). */
    private static Fields query(Request request, Response response, Callback callback) {
        try {
            return Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            answer(
                    request,
                    response,
                    callback,
                    Reply.error(
                            400,
                            "the query is not valid URL encoding: "
                                    + request.getHttpURI().getQuery()));
            return null;
        }
    }

    /** Requests that may wait on the loop or tmux: on a pool thread. */
    private void route(Request request, Response response, Callback callback, String path) {
        String method = request.getMethod();
        Fields query = query(request, response, callback);
        if (query == null) {
            return;
        }
        if (path.equals("/agents/new") && method.equals("POST")) {
            readBody(request, response, callback, InvocationType.BLOCKING, routes::startAgent);
            return;
        }
        if (path.equals("/agents/reply") && method.equals("POST")) {
            readBody(
                    request,
                    response,
                    callback,
                    InvocationType.BLOCKING,
                    body -> CompletableFuture.completedFuture(safely(() -> agents.reply(body, query))));
            return;
        }
        if (path.equals("/events")) {
            if (!method.equals("GET")) {
                answer(request, response, callback, Routes.notAllowed(method, path));
                return;
            }
            Reply refused = events.open(request, response, callback, query);
            if (refused != null) {
                answer(request, response, callback, refused);
            }
            return;
        }
        Reply onAgents = safely(() -> agents.route(method, path, query));
        if (onAgents != null) {
            answer(request, response, callback, onAgents);
            return;
        }
        answer(request, response, callback, safely(() -> routes.route(method, path, query)));
    }

    private interface Answer {
        Reply get();
    }

    private static Reply safely(Answer a) {
        try {
            return a.get();
        } catch (RuntimeException e) {
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

    /** Agent events: answered without a worker thread (see {@link Transport}). */
    private static final java.util.Set<String> AGENT_EVENT_PATHS =
            java.util.Set.of("/hooks/claude", "/hooks/codex", "/hooks/claude-status", "/agent-event");

    /**
     * Endpoints with a JSON body. The body is read asynchronously: a client that sends half a body and
     * stalls holds no thread (four such clients used to occupy every worker and delay all hooks by
     * 30 s), only its bytes, which count against {@link #BODY_BUDGET} for all bodies in flight; the
     * connection's idle timeout ends a stalled one. {@code use} runs where the body completes: on the
     * selector thread when {@code type} is {@code NON_BLOCKING}, so it must not block then.
     */
    private void readBody(
            Request request,
            Response response,
            Callback callback,
            InvocationType type,
            java.util.function.Function<String, CompletionStage<Reply>> use) {
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
        Content.Source.asByteArrayAsync(request, MAX_BODY, Promise.Invocable.from(type, (bytes, failure) -> {
            bodyBudget.release(reserved);
            if (failure != null) {
                answer(
                        request,
                        response,
                        callback,
                        declared < 0 && !(failure instanceof java.util.concurrent.TimeoutException)
                                ? tooLarge()
                                : Reply.error(400, "cannot read the body: " + failure.getMessage()));
                return;
            }
            CompletionStage<Reply> reply;
            try {
                reply = use.apply(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                reply = CompletableFuture.completedFuture(Reply.error(500, "internal error: " + e));
            }
            waits.await(reply, r -> answer(request, response, callback, r));
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
        Content.Sink.write(
                response,
                true,
                Json.error(message == null || message.toString().isEmpty() ? reason : reason + ": " + message) + "\n",
                callback);
        return true;
    }

    @Override
    /**
     * Stops the server, waiting at most {@link #STOP_MS}. Jetty 12.1's stop can wait forever: its
     * selector thread, closing a connection whose response is still being written, waits for that
     * write to be cancelled — which only the same thread would do (seen once in ApiServerTest, after
     * 100 clients stalled mid-body). A daemon that shuts down must not hang on it: its threads are
     * daemon threads and go with the process.
     */
    public void close() {
        Thread stopper = new Thread(
                () -> {
                    try {
                        server.stop();
                    } catch (Exception e) {
                        // shutting down anyway
                    }
                },
                "muxbar-api-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(STOP_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
