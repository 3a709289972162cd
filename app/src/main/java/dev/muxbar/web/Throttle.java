package dev.muxbar.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Failed authentication, per client address: after {@link #FAILURES} in {@link #WINDOW_MS}, every request
 * from there is answered 429 until the window has passed (guessing tokens or codes gets nowhere). Behind
 * a proxy every client has the proxy's address: then the limit is shared. Bounded. Thread-safe.
 */
final class Throttle {

    static final int FAILURES = 10;
    static final long WINDOW_MS = 60_000;
    static final int ADDRESSES = 1_000;

    private final Map<String, Deque<Long>> failures = new HashMap<>();

    synchronized boolean limited(String address, long now) {
        Deque<Long> d = failures.get(address);
        if (d == null) {
            return false;
        }
        while (!d.isEmpty() && now - d.peekFirst() > WINDOW_MS) {
            d.pollFirst();
        }
        if (d.isEmpty()) {
            failures.remove(address);
            return false;
        }
        return d.size() >= FAILURES;
    }

    synchronized void failed(String address, long now) {
        if (failures.size() >= ADDRESSES && !failures.containsKey(address)) {
            failures.clear(); // a flood of addresses: start over rather than grow
        }
        Deque<Long> d = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        d.addLast(now);
        while (d.size() > FAILURES) {
            d.pollFirst();
        }
    }
}
