package dev.muxbar.web;

import dev.muxbar.act.AgentActions;
import dev.muxbar.events.EventHub;
import dev.muxbar.events.Filter;
import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** What the page's API answers (the checks are {@link WebRoutes}'); acting leaves an audit line. */
final class WebApi {

    /** An answer: its HTTP status and JSON body. */
    record Answer(int status, String body) {
        static Answer error(int status, String message) {
            return new Answer(status, Json.error(message));
        }
    }

    static final String PANE = "%[0-9]{1,9}";
    private final WebParts parts;

    WebApi(WebParts parts) {
        this.parts = parts;
    }

    /** GET /api/page: who this device is, its CSRF token, the notification kinds it shows. */
    Answer page(String device, String csrf) {
        return new Answer(
                200,
                Json.object()
                        .put("device", device)
                        .put("csrf", csrf)
                        .put("notify", parts.notifyKinds().get())
                        .toString());
    }

    /** GET /api/events: the daemon's stream; a device revoked meanwhile is cut off at the next event. */
    boolean events(Request request, Response response, Callback callback, Fields query) {
        if (parts.hub() == null) {
            return false;
        }
        String token = null;
        for (org.eclipse.jetty.http.HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(WebRoutes.COOKIE)) {
                token = c.getValue();
            }
        }
        String device = token;
        String last = request.getHeaders().get("Last-Event-ID");
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        return parts.hub()
                .open(
                        new Filter(Filter.types("sessions,agents,usage,hosts,meta,theme"), null, null),
                        last == null ? query.getValue("lastEventId") : last,
                        new EventHub.Sink() {
                            private final EventHub.Sink out = new dev.muxbar.events.ResponseSink(response, callback);

                            @Override
                            public void write(String text, java.util.function.Consumer<Throwable> done) {
                                if (parts.devices().who(device).isEmpty()) {
                                    done.accept(new IllegalStateException("the device was revoked"));
                                } else {
                                    out.write(text, done);
                                }
                            }

                            @Override
                            public void close() {
                                out.close();
                            }
                        });
    }

    /**
     * Where an agent runs: here (host null), or on another machine's tmux server ({@code host}: the ssh
     * name muxbar links to, {@code server}: its socket there, as the stream's host event says).
     */
    record Where(String host, String server) {
        static final Where HERE = new Where(null, null);

        /** From the page's {@code host} and {@code server}; throws when they cannot be names of that. */
        static Where of(String host, String server) {
            if (host == null || host.isEmpty()) {
                return HERE;
            }
            if (!host.matches("[A-Za-z0-9._@:-]{1,100}")
                    || server == null
                    || server.isEmpty()
                    || server.length() > 300
                    || server.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("host and server must name a connected machine's tmux server");
            }
            return new Where(host, server);
        }

        @Override
        public String toString() {
            return host == null ? "" : " on " + host;
        }
    }

    /** The door to the agents {@code w} names, or empty when that machine is not connected. */
    private java.util.Optional<dev.muxbar.act.AgentDoor> door(Where w) {
        return w.host() == null
                ? java.util.Optional.of(parts.actions())
                : parts.others().agents(w.host(), w.server());
    }

    /** GET /api/prompt?pane=%3[&amp;host=H&amp;server=S]. */
    Answer prompt(String pane, Where w) {
        if (pane == null || !pane.matches(PANE)) {
            return Answer.error(400, "pane must look like %3");
        }
        return door(w).map(d -> await(
                        d.show(pane),
                        shown -> shown.isEmpty()
                                ? Answer.error(404, "no agent in " + pane + w)
                                : new Answer(200, Json.write(shown.get()))))
                .orElseGet(() -> Answer.error(404, w.host() + " is not connected"));
    }

    /** GET /api/screen?pane=%3[&amp;host=H&amp;server=S]. */
    Answer screen(String pane, Where w) {
        if (pane == null || !pane.matches(PANE)) {
            return Answer.error(400, "pane must look like %3");
        }
        CompletableFuture<java.util.Optional<List<String>>> lines = w.host() == null
                ? parts.actions().screen(pane)
                : parts.others().screen(w.host(), w.server(), pane).thenApply(java.util.Optional::of);
        return await(
                lines,
                l -> l.isEmpty()
                        ? Answer.error(404, "no agent in " + pane + w)
                        : new Answer(
                                200,
                                Json.object()
                                        .put("pane", pane)
                                        .put("lines", l.get())
                                        .toString()));
    }

    /** POST /api/answer: choice N of the prompt whose hash the page saw; a changed prompt is not answered (409). */
    Answer answer(String device, String pane, String choice, String hash, Where w) {
        if (pane == null || !pane.matches(PANE) || choice == null || !choice.matches("[1-9]")) {
            return Answer.error(400, "pane must look like %3, choice 1-9");
        }
        if (hash == null || !hash.matches("[0-9a-f]{16}")) {
            return Answer.error(400, "prompt must be the hash of the prompt shown");
        }
        return door(w).map(d -> await(d.answer(pane, Integer.parseInt(choice), hash), o -> {
                    parts.log()
                            .accept("web: " + device + " answered " + choice + " in " + pane + w + ": " + o.message());
                    return outcome(o);
                }))
                .orElseGet(() -> Answer.error(404, w.host() + " is not connected"));
    }

    /** POST /api/reply {"pane","text","force"[,"host","server"]}: a line typed into the agent (a working one only with force). */
    Answer reply(String device, String body) {
        Node n;
        try {
            n = Json.parse(body == null ? "" : body);
        } catch (Json.JsonException e) {
            return Answer.error(400, "the body is not JSON");
        }
        String pane = n == null ? null : WebRoutes.field(n, "pane");
        String text = n == null ? null : WebRoutes.field(n, "text");
        if (pane == null || !pane.matches(PANE) || text == null) {
            return Answer.error(400, "the body must be {\"pane\":\"%3\",\"text\":\"…\"}");
        }
        Where w;
        try {
            w = Where.of(WebRoutes.field(n, "host"), WebRoutes.field(n, "server"));
        } catch (IllegalArgumentException e) {
            return Answer.error(400, e.getMessage());
        }
        boolean force = n.path("force").asBoolean(false);
        return door(w).map(d -> await(d.reply(pane, text, force), o -> {
                    parts.log()
                            .accept("web: " + device + " replied to " + pane + w + " (" + text.length()
                                    + " characters): " + o.message());
                    return outcome(o);
                }))
                .orElseGet(() -> Answer.error(404, w.host() + " is not connected"));
    }

    private static Answer outcome(AgentActions.Outcome o) {
        if (o instanceof AgentActions.Outcome.Sent || o instanceof AgentActions.Outcome.SentThere) {
            return new Answer(
                    200, Json.object().put("ok", true).put("sent", o.message()).toString());
        } else if (o instanceof AgentActions.Outcome.Refused r) {
            return Answer.error(r.status(), r.message());
        }
        throw new AssertionError(o);
    }

    private static <T> Answer await(CompletableFuture<T> f, java.util.function.Function<T, Answer> done) {
        try {
            return done.apply(f.get(5, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return Answer.error(503, "the daemon is busy; try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.error(503, "interrupted");
        }
    }
}
