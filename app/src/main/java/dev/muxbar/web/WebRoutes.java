package dev.muxbar.web;

import dev.muxbar.act.AgentActions;
import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The web view's routes. Every request: an allowed {@code Host}, not rate-limited, the security
 * headers (a strict Content-Security-Policy: the daemon's own script and styles only, nothing inline).
 *
 * <pre>
 * GET  /pair?code=CODE[&amp;name=NAME]   the only route without a device: pairs, sets the cookie, → /
 * GET  /  /app.js  /app.css  /theme.css   the page (the active theme's colours in theme.css)
 * GET  /api/page                       {"device","csrf","notify":["waiting","error"]}
 * GET  /api/events                     the daemon's event stream (Last-Event-ID resumes)
 * GET  /api/prompt?pane=%3             the prompt an agent waits on, its choices and their hash
 * GET  /api/screen?pane=%3             the agent pane's last lines, with colours
 * POST /api/answer?pane=&amp;choice=&amp;prompt=HASH   (X-Muxbar-CSRF, Origin) answers that prompt only
 * POST /api/reply  {"pane","text","force"}      (X-Muxbar-CSRF, Origin) types a line into the agent
 * </pre>
 *
 * Acting goes through {@link AgentActions}, the sidebar's own path; each action leaves an audit line in
 * the daemon log.
 */
final class WebRoutes extends Handler.Abstract {

    static final String COOKIE = "muxbar_device";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final WebConfig config;
    private final WebParts parts;
    private final Throttle throttle = new Throttle();
    private final WebApi api;

    WebRoutes(WebConfig config, WebParts parts) {
        super(InvocationType.BLOCKING);
        this.config = config;
        this.parts = parts;
        this.api = new WebApi(parts);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String address = Request.getRemoteAddr(request);
        long now = parts.clock().getAsLong();
        headers(response);
        if (!config.hostAllowed(request.getHeaders().get(HttpHeader.HOST))) {
            return text(response, callback, 421, "this server does not answer to that host name");
        }
        if (throttle.limited(address, now)) {
            return text(response, callback, 429, "too many failed attempts; wait a minute");
        }
        if (path.equals("/pair")) {
            return pair(request, response, callback, address, now);
        }
        if (path.equals("/favicon.ico")) {
            return text(response, callback, 404, "no icon"); // browsers ask on their own: not a failed login
        }
        String token = cookie(request);
        Optional<String> device = parts.devices().who(token);
        if (device.isEmpty()) {
            throttle.failed(address, now);
            if (path.equals("/")) {
                return html(response, callback, 401, Assets.UNPAIRED);
            }
            return text(response, callback, 401, "this device is not paired (muxbar web pair)");
        }
        String method = request.getMethod();
        if (method.equals("POST")) {
            if (!config.originAllowed(request.getHeaders().get(HttpHeader.ORIGIN))) {
                return text(response, callback, 403, "the request does not come from this page");
            }
            if (!Devices.csrf(token).equals(request.getHeaders().get("X-Muxbar-CSRF"))) {
                return text(response, callback, 403, "a missing or wrong CSRF token");
            }
        }
        Fields query = Request.extractQueryParameters(request);
        try {
            return route(request, response, callback, method + " " + path, token, device.get(), query);
        } catch (IllegalArgumentException e) {
            return text(response, callback, 400, e.getMessage());
        }
    }

    private static WebApi.Where where(Fields query) {
        return WebApi.Where.of(query.getValue("host"), query.getValue("server"));
    }

    private boolean route(
            Request request,
            Response response,
            Callback callback,
            String route,
            String token,
            String device,
            Fields query)
            throws java.io.IOException {
        return switch (route) {
            case "GET /" -> html(response, callback, 200, Assets.get("index.html"));
            case "GET /app.js", "GET /app.css" -> asset(response, callback, route.substring("GET /".length()));
            case "GET /theme.css" ->
                send(
                        response,
                        callback,
                        200,
                        "text/css; charset=utf-8",
                        ThemeCss.of(parts.themes().get()));
            case "GET /api/page" -> json(response, callback, api.page(device, Devices.csrf(token)));
            case "GET /api/events" ->
                api.events(request, response, callback, query)
                        || text(response, callback, 503, "the event stream is full; try again later");
            case "GET /api/prompt" -> json(response, callback, api.prompt(query.getValue("pane"), where(query)));
            case "GET /api/screen" -> json(response, callback, api.screen(query.getValue("pane"), where(query)));
            case "POST /api/answer" ->
                json(
                        response,
                        callback,
                        api.answer(
                                device,
                                query.getValue("pane"),
                                query.getValue("choice"),
                                query.getValue("prompt"),
                                where(query)));
            case "POST /api/reply" ->
                json(response, callback, api.reply(device, Content.Source.asString(request, StandardCharsets.UTF_8)));
            default -> text(response, callback, 404, "no such page");
        };
    }

    private boolean pair(Request request, Response response, Callback callback, String address, long now)
            throws java.io.IOException {
        Fields q = Request.extractQueryParameters(request);
        if (!parts.pairing().take(q.getValue("code"), now)) {
            throttle.failed(address, now);
            parts.log().accept("web: a pairing code refused from " + address);
            return html(response, callback, 403, Assets.BAD_CODE);
        }
        Devices.Paired p = parts.devices().add(q.getValue("name") == null ? "phone" : q.getValue("name"));
        parts.log().accept("web: paired " + p.name() + " from " + address);
        Response.addCookie(
                response,
                HttpCookie.build(COOKIE, p.token())
                        .path("/")
                        .httpOnly(true)
                        .secure(config.tls() || config.behindProxy())
                        .sameSite(HttpCookie.SameSite.STRICT)
                        .maxAge(TimeUnit.DAYS.toSeconds(400))
                        .build());
        response.getHeaders().put(HttpHeader.LOCATION, "/");
        return send(response, callback, 303, "text/plain; charset=utf-8", "paired as " + p.name());
    }

    private static String cookie(Request request) {
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(COOKIE)) {
                return c.getValue();
            }
        }
        return null;
    }

    private static void headers(Response response) {
        response.getHeaders().put("Content-Security-Policy", CSP);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put("X-Frame-Options", "DENY");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    }

    private static boolean asset(Response response, Callback callback, String name) {
        String type = name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
        return send(response, callback, 200, type, Assets.get(name));
    }

    private static boolean json(Response response, Callback callback, WebApi.Answer a) {
        return send(response, callback, a.status(), "application/json; charset=utf-8", a.body());
    }

    private static boolean html(Response response, Callback callback, int status, String body) {
        return send(response, callback, status, "text/html; charset=utf-8", body);
    }

    private static boolean text(Response response, Callback callback, int status, String body) {
        return send(response, callback, status, "application/json; charset=utf-8", Json.error(body));
    }

    private static boolean send(Response response, Callback callback, int status, String type, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        Content.Sink.write(response, true, body, callback);
        return true;
    }

    /** A JSON object's text field, or null. */
    static String field(Node n, String name) {
        Node v = n.path(name);
        return v.isTextual() ? v.asText() : null;
    }
}
