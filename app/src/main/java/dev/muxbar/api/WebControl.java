package dev.muxbar.api;

import dev.muxbar.json.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.util.Fields;

/**
 * The web view's switches, on the local socket only (never on the web view itself):
 *
 * <pre>
 * POST /web/on[?listen=127.0.0.1:7878&amp;behindProxy=1&amp;hosts=box.tailnet.ts.net&amp;tls=1]  → the status
 * POST /web/off   GET /web/status   → {"on":true,"url":"…","tls":false,"fingerprint":null,"devices":1}
 * POST /web/pair[?name=phone]       → {"url":"…/pair?code=…","code":"…","expiresInSeconds":300,"fingerprint":…}
 * GET  /web/devices                 → [{"name":"phone","paired":…,"seen":…}]
 * POST /web/revoke?name=phone       → {"revoked":"phone"}; 409 when no device is called so
 * </pre>
 */
final class WebControl {

    private static final Set<String> POSTS = Set.of("on", "off", "pair", "revoke");
    private static final Set<String> GETS = Set.of("status", "devices");

    private final ServerActions actions;

    WebControl(ServerActions actions) {
        this.actions = actions;
    }

    /** The answer, or null when {@code path} is not one of these. */
    Reply route(String method, String path, Fields query) {
        if (!path.startsWith("/web/")) {
            return null;
        }
        String verb = path.substring("/web/".length());
        if (!POSTS.contains(verb) && !GETS.contains(verb)) {
            return null;
        }
        if (!method.equals(POSTS.contains(verb) ? "POST" : "GET")) {
            return Routes.notAllowed(method, path);
        }
        Map<String, String> args = new HashMap<>();
        for (String k : new String[] {"listen", "behindProxy", "hosts", "tls", "name"}) {
            String v = query.getValue(k);
            if (v != null) {
                args.put(k, v);
            }
        }
        try {
            return Reply.ok(Json.write(actions.web(verb, args)));
        } catch (IllegalArgumentException e) {
            return Reply.error(400, e.getMessage());
        } catch (IllegalStateException e) {
            return Reply.error(409, e.getMessage());
        } catch (java.io.IOException e) {
            return Reply.error(500, e.getMessage());
        }
    }
}
