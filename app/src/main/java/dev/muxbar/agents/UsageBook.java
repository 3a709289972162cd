package dev.muxbar.agents;

import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import dev.muxbar.model.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Each conversation's usage (by its thread: Claude's session id, Codex's), summed from what its lines
 * say ({@link UsageLine}): Claude's context is its last turn's input with the cache read and written —
 * not a running sum — and a compaction empties it; Codex says its own running totals, window and
 * quotas. Prices and windows come from {@code usage-models.json} (the user's file of that name in the
 * config dir adds or replaces entries by prefix); a model not there has tokens only, never a guessed
 * price. At most {@link #MAX_THREADS} conversations, the least recently heard of dropped. One owner.
 */
public final class UsageBook {

    static final int MAX_THREADS = 500;

    /** US dollars per million tokens. */
    record Price(double input, double cachedInput, double cacheWrite, double output) {}

    record ModelInfo(String prefix, long window, Price price) {}

    private static final class Tally {
        String model = "";
        long context;
        long window;
        long lastIn;
        long lastOut;
        long sessionIn;
        long sessionOut;
        double cost;
        boolean priced = true;
        Usage.Quota primary;
        Usage.Quota secondary;
    }

    private final List<ModelInfo> models;
    private final Map<String, Tally> threads = new LinkedHashMap<>(16, 0.75f, true);
    private boolean changed;

    UsageBook(List<ModelInfo> models) {
        List<ModelInfo> sorted = new ArrayList<>(models);
        sorted.sort(Comparator.comparingInt((ModelInfo m) -> -m.prefix().length()));
        this.models = List.copyOf(sorted);
    }

    /** The built-in table, then the user's {@code usage-models.json} (null: none). */
    public static UsageBook load(Path userFile, Consumer<String> log) {
        Map<String, ModelInfo> by = new HashMap<>();
        try (InputStream in = UsageBook.class.getResourceAsStream("/usage-models.json")) {
            read(in == null ? null : Json.parse(in), by, log);
        } catch (IOException e) {
            log.accept("built-in usage-models.json: " + e.getMessage());
        }
        if (userFile != null && Files.isRegularFile(userFile)) {
            try {
                read(Json.parseStrict(userFile), by, log);
            } catch (IOException e) {
                log.accept(userFile + " skipped: " + e.getMessage());
            }
        }
        return new UsageBook(List.copyOf(by.values()));
    }

    private static void read(Node root, Map<String, ModelInfo> into, Consumer<String> log) {
        if (root == null) {
            return;
        }
        for (Node m : root.path("models")) {
            String prefix = m.path("prefix").asText("");
            Node p = m.path("price");
            double[] v = {
                p.path("input").asDouble(-1),
                p.path("cachedInput").asDouble(-1),
                p.path("cacheWrite").asDouble(0),
                p.path("output").asDouble(-1)
            };
            boolean priced = p.isObject() && v[0] >= 0 && v[1] >= 0 && v[2] >= 0 && v[3] >= 0;
            if (prefix.isEmpty() || prefix.length() > 100) {
                log.accept("usage-models: an entry without a prefix left out");
                continue;
            }
            into.put(
                    prefix,
                    new ModelInfo(
                            prefix,
                            Math.max(0, m.path("window").asLong(0)),
                            priced ? new Price(v[0], v[1], v[2], v[3]) : null));
        }
    }

    private ModelInfo info(String model) {
        for (ModelInfo m : models) {
            if (model.startsWith(m.prefix())) {
                return m;
            }
        }
        return null;
    }

    /** One line's word on {@code thread}'s usage. */
    public void apply(String thread, UsageLine line) {
        if (thread == null || thread.isEmpty() || line == null) {
            return;
        }
        Tally t = threads.computeIfAbsent(thread, k -> new Tally());
        if (threads.size() > MAX_THREADS) {
            threads.remove(threads.keySet().iterator().next());
        }
        changed = true;
        if (line instanceof UsageLine.Turn turn) {
            ModelInfo m = info(turn.model());
            t.model = turn.model();
            t.context = turn.context();
            t.window = m == null ? 0 : m.window();
            t.lastIn = turn.context();
            t.lastOut = turn.output();
            t.sessionIn += turn.context();
            t.sessionOut += turn.output();
            if (m == null || m.price() == null) {
                t.priced = false;
            } else {
                Price p = m.price();
                t.cost += (turn.input() * p.input()
                                + turn.cacheRead() * p.cachedInput()
                                + turn.cacheWrite() * p.cacheWrite()
                                + turn.output() * p.output())
                        / 1_000_000;
            }
        } else if (line instanceof UsageLine.Compacted) {
            t.context = 0;
        } else if (line instanceof UsageLine.Model m) {
            t.model = m.model();
        } else if (line instanceof UsageLine.Count c) {
            ModelInfo m = info(t.model);
            t.lastIn = c.lastInput();
            t.lastOut = c.lastOutput();
            t.context = c.lastInput() + c.lastOutput();
            t.window = c.window() > 0 ? c.window() : m == null ? 0 : m.window();
            t.sessionIn = c.sessionInput();
            t.sessionOut = c.sessionOutput();
            t.primary = quota(c.primary());
            t.secondary = quota(c.secondary());
            t.priced = m != null && m.price() != null;
            if (t.priced) {
                Price p = m.price();
                long cached = Math.min(c.sessionCached(), c.sessionInput()); // Codex counts cached input within input
                t.cost = ((c.sessionInput() - cached) * p.input()
                                + cached * p.cachedInput()
                                + c.sessionOutput() * p.output())
                        / 1_000_000;
            }
        } else {
            throw new AssertionError(line);
        }
    }

    private static Usage.Quota quota(UsageLine.Quota q) {
        return q == null ? null : new Usage.Quota(q.usedPercent(), q.windowMinutes(), q.resetsAt());
    }

    /** Whether anything was applied since the last call. */
    public boolean takeChanged() {
        boolean c = changed;
        changed = false;
        return c;
    }

    /** Every conversation's usage, by thread; cost rounded to the cent. */
    public Map<String, Usage> snapshot() {
        Map<String, Usage> out = new HashMap<>();
        threads.forEach((thread, t) -> out.put(
                thread,
                new Usage(
                        t.model,
                        t.context,
                        t.window,
                        t.lastIn,
                        t.lastOut,
                        t.sessionIn,
                        t.sessionOut,
                        t.priced ? Math.round(t.cost * 100) / 100.0 : null,
                        t.primary,
                        t.secondary)));
        return out;
    }
}
