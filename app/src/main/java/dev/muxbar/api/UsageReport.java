package dev.muxbar.api;

import dev.muxbar.json.Json;
import dev.muxbar.json.JsonObject;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Usage;
import java.util.List;

/**
 * {@code GET /usage}: what each agent of this machine has used, from its own transcript or rollout —
 *
 * <pre>
 * {"agents":[{"pane":"%3","agent":"claude","session":"work","thread":"…","model":"claude-sonnet-4-5",
 *   "contextPercent":62,"context":124000,"window":200000,"lastIn":124000,"lastOut":900,
 *   "sessionIn":1830000,"sessionOut":41000,"costUsd":1.2,"quota":{"primary":{"usedPercent":63,
 *   "windowMinutes":300,"resetsAt":…},"secondary":null}}],
 *  "costUsd":1.2,"unpriced":0,"today":{"costUsd":4.1,"in":…,"out":…,"primary":{…},"secondary":null}}
 * </pre>
 *
 * {@code costUsd} is null for a model whose price muxbar does not know (tokens only; the total leaves
 * them out and {@code unpriced} counts them).
 */
final class UsageReport {
    private UsageReport() {}

    static String of(Model m) {
        JsonObject root = Json.object();
        List<Object> agents = root.putArray("agents");
        double total = 0;
        int unpriced = 0;
        for (Agent a : m.agents()) {
            Usage u = m.usageOf(a);
            if (u == null) {
                continue;
            }
            if (u.costUsd() == null) {
                unpriced++;
            } else {
                total += u.costUsd();
            }
            JsonObject o = Json.object()
                    .put("pane", a.pane())
                    .put("agent", a.agent())
                    .put(
                            "session",
                            m.snapshot()
                                    .session(a.sessionId())
                                    .map(s -> s.name())
                                    .orElse(null))
                    .put("thread", a.thread())
                    .put("model", u.model())
                    .put("contextPercent", u.contextPercent() < 0 ? null : u.contextPercent())
                    .put("context", u.context())
                    .put("window", u.window() == 0 ? null : u.window())
                    .put("lastIn", u.lastIn())
                    .put("lastOut", u.lastOut())
                    .put("sessionIn", u.sessionIn())
                    .put("sessionOut", u.sessionOut())
                    .put("costUsd", u.costUsd());
            JsonObject q = o.putObject("quota");
            q.put("primary", quota(u.primary())).put("secondary", quota(u.secondary()));
            agents.add(o);
        }
        Usage day = m.usageToday();
        JsonObject today = root.put("costUsd", Math.round(total * 100) / 100.0)
                .put("unpriced", unpriced)
                .putObject("today");
        if (day != null) {
            today.put("costUsd", day.costUsd()).put("in", day.sessionIn()).put("out", day.sessionOut());
            today.put("primary", quota(day.primary())).put("secondary", quota(day.secondary()));
        }
        return root.toString();
    }

    private static Object quota(Usage.Quota q) {
        return q == null
                ? null
                : Json.object()
                        .put("usedPercent", q.usedPercent())
                        .put("windowMinutes", q.windowMinutes())
                        .put("resetsAt", q.resetsAt() == 0 ? null : q.resetsAt());
    }
}
