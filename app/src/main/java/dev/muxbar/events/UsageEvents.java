package dev.muxbar.events;

import dev.muxbar.json.Json;
import dev.muxbar.json.JsonObject;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What agents used, on the stream: a {@code usage} event for an agent whose rounded figures changed
 * (context share, tokens, cost to the cent, quota shares) — never for the clock alone; a snapshot
 * carries every agent's under {@code "usage"}.
 *
 * <pre>
 * usage  {"pane":"%3","agent":"claude","session":"$1","model":"claude-sonnet-4-5","contextPercent":62,
 *         "sessionIn":1830000,"sessionOut":41000,"costUsd":1.2,"quotaPrimary":63.0,"quotaSecondary":20.5}
 * </pre>
 */
final class UsageEvents {
    private UsageEvents() {}

    static void between(Model before, Model after, List<Changes.Change> out) {
        for (Agent a : after.agents()) {
            Usage now = after.usageOf(a);
            Usage was = before == null ? null : before.usageOf(a);
            if (now != null && !Objects.equals(now, was)) {
                out.add(new Changes.Change(
                        "usage",
                        "usage " + a.pane(),
                        a.sessionId(),
                        a.pane(),
                        json(a, now).toString()));
            }
        }
    }

    /** Every agent's usage the filter lets through, for a snapshot. */
    static List<Object> all(Model m, Filter f) {
        List<Object> out = new ArrayList<>();
        for (Agent a : m.agents()) {
            Usage u = m.usageOf(a);
            if (u != null && f.accepts("usage", a.sessionId(), a.pane())) {
                out.add(json(a, u));
            }
        }
        return out;
    }

    private static JsonObject json(Agent a, Usage u) {
        return Json.object()
                .put("pane", a.pane())
                .put("agent", a.agent())
                .put("session", a.sessionId())
                .put("model", u.model())
                .put("contextPercent", u.contextPercent() < 0 ? null : u.contextPercent())
                .put("sessionIn", u.sessionIn())
                .put("sessionOut", u.sessionOut())
                .put("costUsd", u.costUsd())
                .put("quotaPrimary", u.primary() == null ? null : u.primary().usedPercent())
                .put(
                        "quotaSecondary",
                        u.secondary() == null ? null : u.secondary().usedPercent());
    }
}
