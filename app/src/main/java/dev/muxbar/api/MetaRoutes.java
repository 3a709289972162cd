package dev.muxbar.api;

import dev.muxbar.model.Meta;
import dev.muxbar.model.Model;
import dev.muxbar.state.Core;
import dev.muxbar.state.Event;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.util.Fields;

/**
 * What scripts say about a session, shown in its sidebar row and detail panel (all POST, query
 * parameters; {@code session}: id or exact name; {@code ttl}: seconds it shows, default 600):
 *
 * <pre>
 * /sessions/status?session=api&amp;text=tests%20green&amp;tone=ok     tone: info (default), ok, warn, error
 * /sessions/progress?session=api&amp;n=3&amp;of=8   or   &amp;percent=40
 * /sessions/log?session=api&amp;text=deployed%20v2&amp;tone=info        a bounded per-session log (last 20 lines)
 * /sessions/notify?session=api&amp;text=review%20ready              a note in every sidebar's footer
 * /sessions/clear?session=api
 * </pre>
 */
final class MetaRoutes {

    static final long DEFAULT_TTL_S = 600;
    static final long MAX_TTL_S = 7 * 24 * 3600;

    private final Core core;

    MetaRoutes(Core core) {
        this.core = core;
    }

    Reply handle(String kind, Fields q) {
        Model m = core.model();
        String ref = q.getValue("session");
        if (ref == null) {
            return Reply.error(400, "say which session: session=<id or name>");
        }
        String id = m == null ? null : Routes.resolveSession(m.snapshot(), ref);
        if (id == null) {
            return Reply.error(404, "no session " + clip(ref));
        }
        long ttl;
        try {
            ttl = q.getValue("ttl") == null ? DEFAULT_TTL_S : Long.parseLong(q.getValue("ttl"));
        } catch (NumberFormatException e) {
            return Reply.error(400, "ttl must be seconds, got: " + clip(q.getValue("ttl")));
        }
        if (ttl < 1 || ttl > MAX_TTL_S) {
            return Reply.error(400, "ttl must be 1.." + MAX_TTL_S + " seconds");
        }
        Meta.Tone tone = Meta.Tone.parse(q.getValue("tone"));
        if (tone == null) {
            return Reply.error(400, "tone must be info, ok, warn or error, got: " + clip(q.getValue("tone")));
        }
        Event.MetaChange change;
        switch (kind) {
            case "status", "log", "notify" -> {
                String text = q.getValue("text");
                if (text == null || text.isBlank()) {
                    return Reply.error(400, "text is missing");
                }
                if (text.length() > Meta.MAX_TEXT || text.codePoints().anyMatch(Character::isISOControl)) {
                    return Reply.error(400, "text must be one line of at most " + Meta.MAX_TEXT + " characters");
                }
                if (kind.equals("notify")) {
                    String name = m.snapshot().session(id).map(s -> s.name()).orElse(id);
                    core.post(new Event.ShowNotice(name + ": " + text));
                    return Reply.ok("{\"ok\":true}");
                }
                change = kind.equals("status")
                        ? new Event.MetaChange.Status(text, tone, ttl * 1000)
                        : new Event.MetaChange.Log(text, tone, ttl * 1000);
            }
            case "progress" -> {
                try {
                    int n;
                    int of;
                    if (q.getValue("percent") != null) {
                        n = Integer.parseInt(q.getValue("percent"));
                        of = 100;
                    } else {
                        n = Integer.parseInt(String.valueOf(q.getValue("n")));
                        of = Integer.parseInt(String.valueOf(q.getValue("of")));
                    }
                    if (n < 0 || of < 1 || n > of || of > 1_000_000_000) {
                        return Reply.error(400, "progress needs 0 <= n <= of, of >= 1 (or 0 <= percent <= 100)");
                    }
                    change = new Event.MetaChange.Progress(n, of, ttl * 1000);
                } catch (NumberFormatException e) {
                    return Reply.error(400, "progress needs n and of (numbers) or percent");
                }
            }
            case "clear" -> change = new Event.MetaChange.Clear();
            default -> {
                return Reply.error(404, "no such endpoint: /sessions/" + clip(kind));
            }
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        core.post(new Event.SetMeta(id, change, done));
        return Reply.await(done, v -> Reply.ok("{\"ok\":true}"), Reply::busy);
    }

    private static String clip(String s) {
        return s == null ? "nothing" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
