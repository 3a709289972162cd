package dev.muxbar.model;

/**
 * Where a signal came from. A higher rank is better evidence for the same agent instance: an agent's
 * hooks (it tells us as it acts) beat its own status registry (Claude's {@code ~/.claude/sessions}),
 * which beats a notify program (Codex: turn ends only) and the agent's transcript (written late, blind
 * to prompts), which beat the screen. {@link dev.muxbar.agents.Tracker} says what a lower source may
 * still do.
 */
public enum Source {
    SCREEN(1),
    TRANSCRIPT(2),
    NOTIFY(2),
    REGISTRY(3),
    HOOK(4);

    private final int rank;

    Source(int rank) {
        this.rank = rank;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public int rank() {
        return rank;
    }
}
