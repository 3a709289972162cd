package dev.muxbar.model;

/** Where a signal came from; a higher rank wins over a lower one for the same agent instance. */
public enum Source {
    SCREEN(1), TRANSCRIPT(2), HOOK(3);

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
