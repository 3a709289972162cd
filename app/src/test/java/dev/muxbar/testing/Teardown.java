package dev.muxbar.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * What a test started, closed in reverse order (daemons before the tmux servers they serve), each
 * one even when an earlier one fails.
 */
public final class Teardown implements AutoCloseable {

    private final List<AutoCloseable> started = new ArrayList<>();

    public <T extends AutoCloseable> T track(T c) {
        started.add(c);
        return c;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // keep cleaning: the rest must not outlive the test either
            }
        }
        started.clear();
    }
}
