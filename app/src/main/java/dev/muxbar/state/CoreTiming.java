package dev.muxbar.state;

/**
 * {@link Core}'s milliseconds: refresh debounce and max wait, reconciliation poll; process scan
 * debounce, max wait and poll (pane commands change without notifications, so they are also
 * polled); the frame within which subscribers get at most one model ({@link PublishThrottle}).
 */
public record CoreTiming(
        long debounce,
        long maxWait,
        long reconcile,
        long scanDebounce,
        long scanMaxWait,
        long scanPoll,
        long publishFrame) {
    public static final CoreTiming DEFAULT = new CoreTiming(16, 100, 5_000, 100, 500, 2_000, 16);
}
