package dev.muxbar.model;

/**
 * What an agent's conversation has used, from its own transcript or rollout: its model, the context
 * in use and the model's window (tokens; 0: not known), the last turn's and the session's tokens in
 * and out (the session's as far as muxbar has read), what that cost in US dollars (null: the model's
 * price is not known — never a guess), and the plan's quota windows (null: not said; Codex says them).
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
        Quota secondary) {

    /** From this share of the context window in use, the sidebar warns (auto-compaction comes soon after). */
    public static final int WARN_PERCENT = 80;

    /** From this share of a quota window used, the sidebar warns. */
    public static final int QUOTA_WARN_PERCENT = 90;

    /** Whether the sidebar should warn: the context, or a quota window, nearly used up. */
    public boolean warns() {
        return contextPercent() >= WARN_PERCENT
                || primary != null && primary.usedPercent() >= QUOTA_WARN_PERCENT
                || secondary != null && secondary.usedPercent() >= QUOTA_WARN_PERCENT;
    }

    /** A plan quota window: the share used, its length in minutes, when it resets (wall ms, 0: not said). */
    public record Quota(double usedPercent, long windowMinutes, long resetsAt) {}

    /** The share of the context window in use, 0–100 (-1: the window is not known). */
    public int contextPercent() {
        return window <= 0 ? -1 : (int) Math.min(100, Math.round(context * 100.0 / window));
    }
}
