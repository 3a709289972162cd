package dev.muxbar.api;

import dev.muxbar.agents.UsageDesk;
import dev.muxbar.agents.UsageLedger;
import dev.muxbar.json.Json;
import dev.muxbar.json.JsonObject;
import dev.muxbar.json.Node;
import dev.muxbar.model.Model;
import dev.muxbar.model.Usage;
import dev.muxbar.state.Core;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.jetty.util.Fields;

/**
 * The usage endpoints:
 *
 * <pre>
 * GET  /usage                              → each agent's usage now ({@link UsageReport}) and {"today":{…}}
 * GET  /usage?since=24h|7d|2026-12-01[&amp;by=agent|session|model|day]
 *      → {"since":"2026-12-04","by":"model","rows":[{"key":"claude-opus-4-1","in":…,"out":…,"costUsd":1.2}],
 *         "costUsd":1.2,"unpriced":0}
 * POST /hooks/claude-status[?segment=1]   body: Claude Code's statusLine JSON (muxbar's tee) → {"ok":true[,"segment":"ctx 42% | $1.20"]}
 * </pre>
 *
 * Days are the user's time zone's; {@code 24h} is from the day 24 hours ago (the days are whole).
 */
final class UsageRoutes {

    private final Core core;
    private final UsageDesk desk; // null: no usage book here
    private final Clock clock;

    UsageRoutes(Core core, UsageDesk desk, Clock clock) {
        this.core = core;
        this.desk = desk;
        this.clock = clock;
    }

    /** GET /usage. */
    Reply get(Fields query) {
        Model m = core.model();
        if (m == null) {
            return Reply.error(503, "the daemon has not read tmux yet");
        }
        String since = query.getValue("since");
        String by = query.getValue("by");
        if (since == null && by == null) {
            return Reply.ok(UsageReport.of(m));
        }
        if (by != null && !List.of("agent", "session", "model", "day").contains(by)) {
            return Reply.error(400, "by must be agent, session, model or day, got: " + clip(by));
        }
        LocalDate from;
        try {
            from = since(since == null ? "7d" : since);
        } catch (IllegalArgumentException e) {
            return Reply.error(400, e.getMessage());
        }
        if (desk == null) {
            return Reply.error(404, "usage is not kept here");
        }
        String key = by == null ? "day" : by;
        return Reply.await(desk.usageSince(from), rows -> Reply.ok(history(from, key, rows)), Reply::busy);
    }

    /** The first day {@code since} names: {@code Nh}, {@code Nd} back from now, or a date. */
    LocalDate since(String since) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
        try {
            if (since.matches("[0-9]{1,4}h")) {
                return clock.instant()
                        .minusSeconds(3600L * Integer.parseInt(since.substring(0, since.length() - 1)))
                        .atZone(ZoneId.systemDefault())
                        .toLocalDate();
            }
            if (since.matches("[0-9]{1,3}d")) {
                return today.minusDays(Math.max(0, Integer.parseInt(since.substring(0, since.length() - 1)) - 1));
            }
            if (since.equals("today")) {
                return today;
            }
            return LocalDate.parse(since);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since must be like 24h, 7d, today or 2026-12-01, got: " + clip(since));
        }
    }

    static String history(LocalDate from, String by, List<UsageLedger.Row> rows) {
        Map<String, long[]> tokens = new LinkedHashMap<>();
        Map<String, Double> costs = new LinkedHashMap<>();
        int unpriced = 0;
        double total = 0;
        for (UsageLedger.Row r : rows) {
            String key = switch (by) {
                case "agent" ->
                    (r.agent().isEmpty() ? "agent" : r.agent())
                            + (r.session().isEmpty() ? "" : " in " + r.session())
                            + " ("
                            + r.thread().substring(0, Math.min(8, r.thread().length())) + ")";
                case "session" -> r.session().isEmpty() ? "(unknown)" : r.session();
                case "model" -> r.model().isEmpty() ? "(unknown)" : r.model();
                case "day" -> r.day().toString();
                default -> throw new AssertionError(by);
            };
            long[] t = tokens.computeIfAbsent(key, k -> new long[2]);
            t[0] += r.in();
            t[1] += r.out();
            if (r.costUsd() == null) {
                unpriced++;
                costs.putIfAbsent(key, null);
            } else {
                total += r.costUsd();
                Double was = costs.get(key);
                costs.put(key, (was == null ? 0 : was) + r.costUsd());
            }
        }
        JsonObject root = Json.object().put("since", from.toString()).put("by", by);
        List<Object> out = root.putArray("rows");
        tokens.forEach((key, t) -> out.add(Json.object()
                .put("key", key)
                .put("in", t[0])
                .put("out", t[1])
                .put("costUsd", costs.get(key) == null ? null : Math.round(costs.get(key) * 100) / 100.0)));
        return root.put("costUsd", Math.round(total * 100) / 100.0)
                .put("unpriced", unpriced)
                .toString();
    }

    /** POST /hooks/claude-status: never blocks (Jetty's selector thread); the figures go to the io thread. */
    CompletionStage<Reply> statusLine(String body, Fields query) {
        Node json;
        try {
            json = body == null || body.isBlank() ? null : Json.parse(body);
        } catch (Json.JsonException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            if (desk != null) {
                desk.statusLineRefused("not a JSON object");
            }
            return CompletableFuture.completedFuture(Reply.error(400, "the body is not a JSON object"));
        }
        if (desk != null) {
            desk.statusLine(json);
        }
        JsonObject reply = Json.object().put("ok", true);
        if ("1".equals(query.getValue("segment"))) {
            Model m = core.model();
            Usage u = m == null ? null : m.usage().get(json.path("session_id").asText(""));
            reply.put("segment", u == null ? "" : segment(u));
        }
        return CompletableFuture.completedFuture(Reply.ok(reply.toString()));
    }

    /** A short plain segment for Claude's own status line: {@code ctx 42% | $1.20} (ASCII: a shell reads it). */
    static String segment(Usage u) {
        StringBuilder s = new StringBuilder();
        if (u.contextPercent() >= 0) {
            s.append("ctx ").append(u.contextPercent()).append('%');
        }
        if (u.costUsd() != null) {
            s.append(s.length() > 0 ? " | " : "").append(String.format(java.util.Locale.ROOT, "$%.2f", u.costUsd()));
        }
        return s.toString();
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
