package dev.muxbar.agents;

import dev.muxbar.json.Node;

/**
 * What one transcript or rollout line says about usage, read in the agents' own formats:
 *
 * <pre>
 * Claude Code  {"type":"assistant","sessionId":…,"message":{"model":"claude-sonnet-4-5",
 *                "usage":{"input_tokens":3,"cache_creation_input_tokens":1200,"cache_read_input_tokens":15000,"output_tokens":250}}}
 *              {"type":"system","subtype":"compact_boundary",…}
 * Codex        {"type":"turn_context","payload":{"model":"gpt-5-codex",…}}
 *              {"type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{…},
 *                "last_token_usage":{"input_tokens","cached_input_tokens","output_tokens",…},"model_context_window":272000},
 *                "rate_limits":{"primary":{"used_percent":12.0,"window_minutes":300,"resets_in_seconds":1234},"secondary":{…}}}}
 * </pre>
 *
 * A field that is missing, not a number, negative or absurd (over {@link #MAX_TOKENS} in one line)
 * makes the line say nothing. Pure.
 */
public sealed interface UsageLine {

    long MAX_TOKENS = 100_000_000L;

    /**
     * A Claude Code turn: its model, its tokens (input, cache written, cache read, output), its message id
     * (Claude writes a line per content block of one message, each with the message's usage: the same id
     * is the same turn, its figures the latest) and when (wall ms).
     */
    record Turn(String model, long input, long cacheWrite, long cacheRead, long output, String id, long at)
            implements UsageLine {
        public Turn(String model, long input, long cacheWrite, long cacheRead, long output) {
            this(model, input, cacheWrite, cacheRead, output, "", 0);
        }

        /** What the model had in its context for this turn. */
        public long context() {
            return input + cacheWrite + cacheRead;
        }
    }

    /** The conversation was compacted: what was in context is not any more. */
    record Compacted() implements UsageLine {}

    /** Codex's model for the turns that follow. */
    record Model(String model) implements UsageLine {}

    /** A plan quota window: share used, its length, when it resets (wall ms, 0: not said). */
    record Quota(double usedPercent, long windowMinutes, long resetsAt) {}

    /** Codex's running count: the session's tokens, the last turn's, the context window, its quotas (null: not said). */
    record Count(
            long sessionInput,
            long sessionCached,
            long sessionOutput,
            long lastInput,
            long lastCached,
            long lastOutput,
            long window,
            Quota primary,
            Quota secondary,
            long at)
            implements UsageLine {}

    /**
     * What Claude Code's statusLine said of its conversation: its model, its own running cost (null: not
     * said), the session's tokens in and out (-1: not said), the context in use (tokens, -1: not said) and its share (0–100, -1: not said), the window
     * (0: not said), the plan's quota windows (null: not said) and when.
     */
    record Reported(
            String model,
            Double costUsd,
            long sessionIn,
            long sessionOut,
            long context,
            double percent,
            long window,
            Quota primary,
            Quota secondary,
            long at)
            implements UsageLine {}

    /**
     * What Claude Code's statusLine JSON says ({@code {"session_id","model":{"id"},"cost":{"total_cost_usd"},
     * "context_window":{"used_percentage","context_window_size","current_usage":{…}},"rate_limits":{"five_hour":
     * {"used_percentage","resets_at"},"seven_day":{…}}}}), or null when it says nothing that reads.
     */
    static Reported status(Node json, long wallNow) {
        if (!json.isObject()) {
            return null;
        }
        String model = json.path("model").path("id").asText("");
        Node cost = json.path("cost").path("total_cost_usd");
        double usd = cost.isNumber() ? cost.asDouble(-1) : -1;
        Node cw = json.path("context_window");
        Node used = cw.path("used_percentage");
        double percent = used.isNumber() ? used.asDouble(-1) : -1;
        long window = tokens(cw.path("context_window_size"), 0);
        Node cu = cw.path("current_usage");
        long context = cu.isObject()
                ? sum(
                        tokens(cu.path("input_tokens"), 0),
                        tokens(cu.path("cache_creation_input_tokens"), 0),
                        tokens(cu.path("cache_read_input_tokens"), 0))
                : -1;
        Node limits = json.path("rate_limits");
        Reported r = new Reported(
                model.length() > 100 ? "" : model,
                usd >= 0 && usd < 1_000_000 ? Double.valueOf(usd) : null,
                tokens(cw.path("total_input_tokens"), -1),
                tokens(cw.path("total_output_tokens"), -1),
                context,
                percent <= 100 ? percent : -1,
                Math.max(0, window),
                claudeQuota(limits.path("five_hour"), 300),
                claudeQuota(limits.path("seven_day"), 7 * 24 * 60),
                wallNow);
        boolean says = r.costUsd() != null || r.percent() >= 0 || r.context() >= 0 || r.primary() != null;
        return says ? r : null;
    }

    private static long sum(long a, long b, long c) {
        return a < 0 || b < 0 || c < 0 ? -1 : a + b + c;
    }

    private static Quota claudeQuota(Node q, long minutes) {
        if (!q.isObject() || !q.path("used_percentage").isNumber()) {
            return null;
        }
        double used = q.path("used_percentage").asDouble(-1);
        long at = q.path("resets_at").asLong(0);
        return used < 0 || used > 1_000
                ? null
                : new Quota(used, minutes, at > 0 && at < 10_000_000_000L ? at * 1000 : 0);
    }

    /** What {@code line} says (Claude Code's transcript, or Codex's rollout when {@code codex}), or null. */
    public static UsageLine of(Node line, boolean codex, long wallNow) {
        return codex ? codex(line, wallNow) : claude(line, wallNow);
    }

    /** When the line was written (its {@code timestamp}, ISO-8601), else {@code wallNow}. */
    static long at(Node line, long wallNow) {
        long at = Transcripts.time(line.path("timestamp").asText(null));
        return at > 0 ? at : wallNow;
    }

    private static UsageLine claude(Node line, long wallNow) {
        String type = line.path("type").asText("");
        if (type.equals("system") && line.path("subtype").asText("").equals("compact_boundary")) {
            return new Compacted();
        }
        Node m = line.path("message");
        Node u = m.path("usage");
        if (!type.equals("assistant")
                || !u.isObject()
                || "<synthetic>".equals(m.path("model").asText(""))) {
            return null;
        }
        long in = tokens(u.path("input_tokens"));
        long cw = tokens(u.path("cache_creation_input_tokens"), 0);
        long cr = tokens(u.path("cache_read_input_tokens"), 0);
        long out = tokens(u.path("output_tokens"));
        String model = m.path("model").asText("");
        if (in < 0 || cw < 0 || cr < 0 || out < 0 || model.isEmpty() || model.length() > 100) {
            return null;
        }
        String id = m.path("id").asText("");
        return new Turn(model, in, cw, cr, out, id.length() > 200 ? "" : id, at(line, wallNow));
    }

    private static UsageLine codex(Node line, long wallNow) {
        String type = line.path("type").asText("");
        Node p = line.path("payload");
        if (type.equals("turn_context")) {
            String model = p.path("model").asText("");
            return model.isEmpty() || model.length() > 100 ? null : new Model(model);
        }
        if (!type.equals("event_msg") || !p.path("type").asText("").equals("token_count")) {
            return null;
        }
        Node info = p.path("info");
        Node total = info.path("total_token_usage");
        Node last = info.path("last_token_usage");
        if (!total.isObject() || !last.isObject()) {
            return null;
        }
        long[] f = {
            tokens(total.path("input_tokens")),
            tokens(total.path("cached_input_tokens"), 0),
            tokens(total.path("output_tokens")),
            tokens(last.path("input_tokens")),
            tokens(last.path("cached_input_tokens"), 0),
            tokens(last.path("output_tokens")),
            tokens(info.path("model_context_window"), 0)
        };
        for (long v : f) {
            if (v < 0) {
                return null;
            }
        }
        Node limits = p.path("rate_limits");
        return new Count(
                f[0],
                f[1],
                f[2],
                f[3],
                f[4],
                f[5],
                f[6],
                quota(limits.path("primary"), wallNow),
                quota(limits.path("secondary"), wallNow),
                at(line, wallNow));
    }

    private static Quota quota(Node q, long wallNow) {
        if (!q.isObject() || !q.path("used_percent").isNumber()) {
            return null;
        }
        double used = q.path("used_percent").asDouble(-1);
        long minutes = q.path("window_minutes").asLong(0);
        long in = q.path("resets_in_seconds").asLong(-1);
        long at = q.path("resets_at").asLong(-1);
        if (used < 0 || used > 1_000 || minutes < 0) {
            return null;
        }
        long resets = at > 0 ? (at < 10_000_000_000L ? at * 1000 : at) : in >= 0 ? wallNow + in * 1000 : 0;
        return new Quota(used, minutes, resets);
    }

    private static long tokens(Node n) {
        return tokens(n, -1);
    }

    /** A token count, or {@code missing} when absent; -1 when present but not a sane count. */
    private static long tokens(Node n, long missing) {
        if (n.isMissingNode() || n.isNull()) {
            return missing;
        }
        if (!n.isNumber()) {
            return -1;
        }
        long v = n.asLong(-1);
        return v < 0 || v > MAX_TOKENS ? -1 : v;
    }
}
