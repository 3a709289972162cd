package dev.muxbar.model;

/**
 * What an agent's conversation has used, from its own transcript or rollout: its model, the context
 * in use and the model's window (tokens; 0: not known), the last turn's and the session's tokens in
 * and out (the session's as far as muxbar has read), what that cost in US dollars (null: the model's
 * price is not known — never a guess), the plan's quota windows (null: not said; Codex and Claude's
 * statusLine say them), and the share of the context from which it warns.
 */
public record Usage(
        String model,
        long context,
        long window,
        long lastIn,
        long lastOut,
        long sessionIn,
        long sessionOut,
        Double costUsd,
        Quota primary,
        Quota secondary,
        int warnAt) {

    /** With the warning at {@link #WARN_PERCENT} of the context. */
    public Usage(
            String model,
            long context,
            long window,
            long lastIn,
            long lastOut,
            long sessionIn,
            long sessionOut,
            Double costUsd,
            Quota primary,
            Quota secondary) {
        this(model, context, window, lastIn, lastOut, sessionIn, sessionOut, costUsd, primary, secondary, WARN_PERCENT);
    }

    /**
     * The key, in the model's usage by thread, of the machine's day so far: today's tokens in and out
     * (as session figures), today's cost, and the tightest quota windows not yet reset. No thread is empty.
     */
    public static final String DAY = "";

    /**
     * From this share of the context window in use, the sidebar warns (auto-compaction comes soon after),
     * unless the user chose another ({@code @muxbar-context-warn}: {@code warnAt}).
     */
    public static final int WARN_PERCENT = 80;

    /** From this share of a quota window used, the sidebar warns. */
    public static final int QUOTA_WARN_PERCENT = 90;

    /** Whether the sidebar should warn: the context, or a quota window, nearly used up. */
    public boolean warns() {
        return contextPercent() >= warnAt
                || primary != null && primary.usedPercent() >= QUOTA_WARN_PERCENT
                || secondary != null && secondary.usedPercent() >= QUOTA_WARN_PERCENT;
    }

    /** A plan quota window: the share used, its length in minutes, when it resets (wall ms, 0: not said). */
    public record Quota(double usedPercent, long windowMinutes, long resetsAt) {
        /** "5h", "7d": the window by its length. */
        public String name() {
            return windowMinutes > 0 && windowMinutes % 1440 == 0
                    ? windowMinutes / 1440 + "d"
                    : windowMinutes / 60 + "h";
        }
    }

    /** The fuller of the two quota windows, or null when neither is said. */
    public Quota tightest() {
        return primary == null
                ? secondary
                : secondary == null || primary.usedPercent() >= secondary.usedPercent() ? primary : secondary;
    }

    /** The share of the context window in use, 0–100 (-1: the window is not known). */
    public int contextPercent() {
        return window <= 0 ? -1 : (int) Math.min(100, Math.round(context * 100.0 / window));
    }
}
