package dev.muxbar.api;

import dev.muxbar.events.EventHub;
import dev.muxbar.events.Filter;
import dev.muxbar.model.Model;
import dev.muxbar.state.Core;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code GET /events}: the event stream as Server-Sent Events. The response stays open; the hub
 * writes batches to it asynchronously (a client that stops reading stalls only its own response).
 *
 * <pre>
 * GET /events?types=agents,sessions&amp;session=work&amp;pane=%3     (Last-Event-ID: 41 to resume)
 * id: 42
 * event: agent
 * data: {"pane":"%3","agent":"claude","session":"$1",…,"status":"waiting",…}
 * </pre>
 */
final class EventsRoute {

    private final Core core;
    private final EventHub hub;

    EventsRoute(Core core, EventHub hub) {
        this.core = core;
        this.hub = hub;
    }

    /** Opens the stream, or returns why not (the caller answers with it). */
    Reply open(Request request, Response response, Callback callback, Fields query) {
        if (hub == null) {
            return Reply.error(503, "the event stream is not offered by this server");
        }
        Filter filter;
        try {
            String session = query.getValue("session");
            String sessionId = null;
            if (session != null) {
                Model m = core.model();
                sessionId = m == null ? null : Routes.resolveSession(m.snapshot(), session);
                if (sessionId == null) {
                    return Reply.error(
                            404, "no session " + (session.length() > 40 ? session.substring(0, 40) + "…" : session));
                }
            }
            String pane = query.getValue("pane");
            if (pane != null && !pane.matches("%[0-9]{1,9}")) {
                return Reply.error(
                        400,
                        "pane must look like %3, got: " + (pane.length() > 20 ? pane.substring(0, 20) + "…" : pane));
            }
            filter = new Filter(Filter.types(query.getValue("types")), sessionId, pane);
        } catch (IllegalArgumentException e) {
            return Reply.error(400, e.getMessage());
        }
        String last = request.getHeaders().get("Last-Event-ID");
        if (last == null) {
            last = query.getValue("lastEventId");
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        boolean accepted = hub.open(filter, last, new dev.muxbar.events.ResponseSink(response, callback));
        if (!accepted) {
            response.setStatus(503);
            return Reply.error(503, "too many event stream clients (" + EventHub.MAX_CLIENTS + "); try again later");
        }
        return null;
    }
}
