package dev.muxbar.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling with a deadline; on timeout the failure message carries what the test saw. */
public final class Poll {
    private Poll() {}

    /** Polls every 5 ms until {@code condition} holds; returns the elapsed milliseconds. */
    public static long until(long timeoutMillis, BooleanSupplier condition, String what, Supplier<String> diagnostics) {
        long t0 = System.nanoTime();
        long deadline = t0 + timeoutMillis * 1_000_000L;
        while (true) {
            if (condition.getAsBoolean()) {
                return (System.nanoTime() - t0) / 1_000_000L;
            }
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeoutMillis + " ms waiting for: " + what + "\n" + diagnostics.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
