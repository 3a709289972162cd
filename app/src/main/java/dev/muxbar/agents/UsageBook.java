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
        Double reportedCost; // the agent's own figure (Claude's statusLine): it wins
        long reportedWindow; // the same for its window
        UsageLine.Turn last; // the last turn, taken back when a later line of its message comes
        Usage.Quota primary;
        Usage.Quota secondary;
    }

    private final List<ModelInfo> models;
    private final Map<String, Tally> threads = new LinkedHashMap<>(16, 0.75f, true);
    private UsageLedger ledger = new UsageLedger(java.time.ZoneId.systemDefault());
    private boolean changed;
    private int warnAt = Usage.WARN_PERCENT;

    UsageBook(List<ModelInfo> models) {
        List<ModelInfo> sorted = new ArrayList<>(models);
        sorted.sort(Comparator.comparingInt((ModelInfo m) -> -m.prefix().length()));
        this.models = List.copyOf(sorted);
    }

    /** Counts every turn into {@code l}'s days (the default: one kept in memory only). */
    public UsageBook countingInto(UsageLedger l) {
        this.ledger = l;
        return this;
    }

    /** From which share of its context an agent's row warns ({@code @muxbar-context-warn}). */
    public void warnAt(int percent) {
        if (percent != warnAt) {
            warnAt = percent;
            changed = true;
        }
    }

    public UsageLedger ledger() {
        return ledger;
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

    /**
     * Claude's statusLine JSON (muxbar's tee forwards it): its conversation's figures, the cost its own.
     * False when it says nothing that reads (not an object, no session id, no figure).
     */
    public boolean report(Node json, long wallNow) {
        String thread =
                json.path("session_id").isTextual() ? json.path("session_id").asText("") : "";
        UsageLine.Reported r = UsageLine.status(json, wallNow);
        if (thread.isEmpty() || thread.length() > 200 || r == null) {
            return false;
        }
        apply(thread, r);
        return true;
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
            if (t.last != null && !turn.id().isEmpty() && turn.id().equals(t.last.id())) {
                take(t, t.last); // the same message again, its figures the latest
            }
            ModelInfo m = info(turn.model());
            t.model = turn.model();
            t.context = turn.context();
            t.window = t.reportedWindow > 0 ? t.reportedWindow : m == null ? 0 : m.window();
            t.lastIn = turn.context();
            t.lastOut = turn.output();
            t.sessionIn += turn.context();
            t.sessionOut += turn.output();
            Double cost = cost(turn);
            if (cost == null) {
                t.priced = false;
            } else {
                t.cost += cost;
            }
            t.last = turn;
            ledger.turn(thread, turn.at(), turn.id(), turn.model(), turn.context(), turn.output(), cost);
        } else if (line instanceof UsageLine.Reported r) {
            report(thread, t, r);
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
            ledger.total(thread, c.at(), t.model, c.sessionInput(), c.sessionOutput(), t.priced ? t.cost : null);
        } else {
            throw new AssertionError(line);
        }
    }

    /** A turn's cost by its model's price, or null when the price is not known. */
    private Double cost(UsageLine.Turn turn) {
        ModelInfo m = info(turn.model());
        if (m == null || m.price() == null) {
            return null;
        }
        Price p = m.price();
        return (turn.input() * p.input()
                        + turn.cacheRead() * p.cachedInput()
                        + turn.cacheWrite() * p.cacheWrite()
                        + turn.output() * p.output())
                / 1_000_000;
    }

    /** Takes a turn's figures back out of the session's (a later line of its message replaces it). */
    private void take(Tally t, UsageLine.Turn turn) {
        t.sessionIn -= turn.context();
        t.sessionOut -= turn.output();
        Double cost = cost(turn);
        if (cost != null) {
            t.cost -= cost;
        }
    }

    /** The agent's own word (Claude's statusLine): its cost wins, its context and quotas are the latest. */
    private void report(String thread, Tally t, UsageLine.Reported r) {
        if (!r.model().isEmpty()) {
            t.model = r.model();
        }
        ModelInfo m = info(t.model);
        if (r.window() > 0) {
            t.window = r.window();
            t.reportedWindow = r.window();
        } else if (t.window == 0 && m != null) {
            t.window = m.window();
        }
        if (r.context() >= 0) {
            t.context = r.context();
        } else if (r.percent() >= 0 && t.window > 0) {
            t.context = Math.round(r.percent() * t.window / 100);
        }
        if (r.primary() != null || r.secondary() != null) {
            t.primary = quota(r.primary());
            t.secondary = quota(r.secondary());
        }
        if (r.sessionIn() >= 0 && r.sessionOut() >= 0) {
            t.sessionIn = r.sessionIn(); // Claude's own count of the whole session beats what muxbar read of it
            t.sessionOut = r.sessionOut();
        }
        if (r.costUsd() != null) {
            t.reportedCost = r.costUsd();
            ledger.reported(thread, r.at(), t.model, r.costUsd());
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

    /**
     * Every conversation's usage, by thread, cost rounded to the cent; under {@link Usage#DAY} the day so
     * far ({@code wallNow}'s, from the ledger) with the tightest quota windows not yet reset.
     */
    public Map<String, Usage> snapshot(long wallNow) {
        Map<String, Usage> out = snapshot();
        long in = 0;
        long outTokens = 0;
        double cost = 0;
        for (UsageLedger.Row r : ledger.since(ledger.day(wallNow))) {
            in += r.in();
            outTokens += r.out();
            cost += r.costUsd() == null ? 0 : r.costUsd();
        }
        Usage.Quota primary = null;
        Usage.Quota secondary = null;
        for (Usage u : out.values()) {
            primary = tighter(primary, u.primary(), wallNow);
            secondary = tighter(secondary, u.secondary(), wallNow);
        }
        out.put(
                Usage.DAY,
                new Usage("", 0, 0, 0, 0, in, outTokens, Math.round(cost * 100) / 100.0, primary, secondary));
        return out;
    }

    private static Usage.Quota tighter(Usage.Quota a, Usage.Quota b, long wallNow) {
        if (b == null || b.resetsAt() > 0 && b.resetsAt() <= wallNow) {
            return a; // a window that has reset since says nothing now
        }
        return a == null || b.usedPercent() > a.usedPercent() ? b : a;
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
                        t.reportedCost != null
                                ? Double.valueOf(Math.round(t.reportedCost * 100) / 100.0)
                                : t.priced ? Math.round(t.cost * 100) / 100.0 : null,
                        t.primary,
                        t.secondary,
                        warnAt)));
        return out;
    }
}
