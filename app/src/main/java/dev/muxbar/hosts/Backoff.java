package dev.muxbar.hosts;

import java.util.function.LongUnaryOperator;

/**
 * How long a host link waits before it tries again: 1 s, doubling to at most 60 s, each delay moved by
 * up to a fifth at random so that links lost together do not come back in step. Pure but for the
 * jitter, which is injected ({@code jitter.applyAsLong(bound)}: a number in {@code [0, bound)}).
 */
public final class Backoff {

    public static final long FIRST_MS = 1_000;
    public static final long MAX_MS = 60_000;

    private final LongUnaryOperator jitter;
    private int failures;

    public Backoff(LongUnaryOperator jitter) {
        this.jitter = jitter;
    }

    /** The wait before the next try, after one more failure. */
    public long next() {
        long base = Math.min(MAX_MS, FIRST_MS << Math.min(failures, 16));
        failures++;
        long spread = base / 5;
        return Math.min(MAX_MS, base - spread + jitter.applyAsLong(2 * spread + 1));
    }

    /** A link that came up starts again from the first delay. */
    public void reset() {
        failures = 0;
    }
}
