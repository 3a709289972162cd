package dev.muxbar.agents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the agents used, day by day (the user's time zone), so that "today" and "this week" survive a
 * daemon's restart: per day a row per conversation and model — tokens in and out, cost (null: a turn
 * of a model without a price). Each turn counts once: a mark per conversation says what was counted
 * (Claude: the last turn's time, message id and figures — a later line of the same message adds only
 * its difference; Codex: its running totals; a statusLine's cost: its last figure), so a transcript read
 * again after a restart adds nothing it added before. Once a conversation's own cost is reported (Claude's
 * statusLine), its cost counts from those reports, not from the price table. Bounded: {@link #DAYS} days,
 * {@link #ROWS} rows a day (the rest summed as one), {@link #MARKS} conversations. One owner (the io
 * thread); {@link UsageLedgerStore} writes it out.
 */
public final class UsageLedger {

    static final int DAYS = 400;
    static final int ROWS = 500;
    static final int MARKS = 2000;
    static final String OTHER = "(other)";

    /** One day's figures for one conversation and model; session and agent as last labelled. */
    public record Row(
            LocalDate day,
            String thread,
            String model,
            String session,
            String agent,
            long in,
            long out,
            Double costUsd) {}

    /** Where a conversation runs, as the loop last said. */
    public record Label(String session, String agent) {}

    /** What was counted of one conversation. */
    static final class Mark {
        long at = -1;
        String id = "";
        long in;
        long out;
        double cost;
        Double reported; // the conversation's own cost as last reported (null: never)
    }

    private final ZoneId zone;
    private final TreeMap<LocalDate, Map<String, Row>> days = new TreeMap<>();
    private final Map<String, Mark> marks = new LinkedHashMap<>(16, 0.75f, true);
    private Map<String, Label> labels = Map.of();
    private boolean dirty;

    public UsageLedger(ZoneId zone) {
        this.zone = zone;
    }

    /** Where each conversation runs now (by thread; immutable). */
    public void label(Map<String, Label> byThread) {
        labels = byThread;
    }

    /** A Claude turn: message {@code id}'s figures so far, written at {@code at}. */
    void turn(String thread, long at, String id, String model, long in, long out, Double cost) {
        Mark k = mark(thread);
        boolean same = !id.isEmpty() && id.equals(k.id);
        if (at < k.at || at == k.at && !same && (id.isEmpty() || k.id.isEmpty())) {
            return; // counted before (a transcript read again); another message of the same ms has its own id
        }
        long dIn = same ? Math.max(0, in - k.in) : in;
        long dOut = same ? Math.max(0, out - k.out) : out;
        Double dCost = cost == null ? null : same ? Math.max(0, cost - k.cost) : cost;
        k.at = at;
        k.id = id;
        k.in = same ? Math.max(in, k.in) : in;
        k.out = same ? Math.max(out, k.out) : out;
        k.cost = cost == null ? 0 : same ? Math.max(cost, k.cost) : cost;
        add(thread, at, model, dIn, dOut, k.reported != null ? Double.valueOf(0) : dCost);
    }

    /** Codex's running totals of a conversation at {@code at}. */
    void total(String thread, long at, String model, long in, long out, Double cost) {
        Mark k = mark(thread);
        if (at < k.at) {
            return;
        }
        boolean again = in < k.in || out < k.out; // totals that went down: a new count, from zero
        long dIn = again ? in : in - k.in;
        long dOut = again ? out : out - k.out;
        Double dCost = cost == null ? null : again ? cost : Math.max(0, cost - k.cost);
        k.at = at;
        k.in = in;
        k.out = out;
        k.cost = cost == null ? 0 : cost;
        if (dIn > 0 || dOut > 0) {
            add(thread, at, model, dIn, dOut, k.reported != null ? Double.valueOf(0) : dCost);
        }
    }

    /** The conversation's own running cost, as its agent reported it at {@code at}. */
    void reported(String thread, long at, String model, double cost) {
        Mark k = mark(thread);
        if (k.reported == null || cost < k.reported) {
            k.reported = cost; // the turns counted so far carry their own cost: from here on, the reports
            dirty = true;
            return;
        }
        double d = cost - k.reported;
        k.reported = cost;
        if (d > 0) {
            add(thread, at, model, 0, 0, d);
        }
    }

    private Mark mark(String thread) {
        Mark k = marks.computeIfAbsent(thread, t -> new Mark());
        if (marks.size() > MARKS) {
            marks.remove(marks.keySet().iterator().next());
        }
        return k;
    }

    private void add(String thread, long at, String model, long in, long out, Double cost) {
        LocalDate day = Instant.ofEpochMilli(at).atZone(zone).toLocalDate();
        Map<String, Row> rows = days.computeIfAbsent(day, d -> new HashMap<>());
        Label l = labels.get(thread);
        String key = thread + "\n" + model;
        if (!rows.containsKey(key) && rows.size() >= ROWS - 1) { // the last row is the rest's
            key = OTHER + "\n" + OTHER;
            thread = OTHER;
            model = OTHER;
            l = null;
        }
        Row was = rows.get(key);
        Row now = was == null
                ? new Row(day, thread, model, l == null ? "" : l.session(), l == null ? "" : l.agent(), in, out, cost)
                : new Row(
                        day,
                        thread,
                        model,
                        l == null ? was.session() : l.session(),
                        l == null ? was.agent() : l.agent(),
                        was.in() + in,
                        was.out() + out,
                        was.costUsd() == null || cost == null ? null : was.costUsd() + cost);
        rows.put(key, now);
        while (days.size() > DAYS) {
            days.pollFirstEntry();
        }
        dirty = true;
    }

    /** Every row from {@code from} on (the oldest day first). */
    public List<Row> since(LocalDate from) {
        List<Row> out = new ArrayList<>();
        days.tailMap(from, true).values().forEach(rows -> {
            List<Row> day = new ArrayList<>(rows.values());
            day.sort(Comparator.comparing(Row::thread).thenComparing(Row::model));
            out.addAll(day);
        });
        return out;
    }

    /** The day {@code wallNow} falls on, in the user's zone. */
    public LocalDate day(long wallNow) {
        return Instant.ofEpochMilli(wallNow).atZone(zone).toLocalDate();
    }

    /** Whether anything changed since the last call (then it is worth writing out). */
    boolean takeDirty() {
        boolean d = dirty;
        dirty = false;
        return d;
    }

    Map<String, Mark> marks() {
        return marks;
    }

    /** Back from disk (the store's). */
    void restore(Row row) {
        days.computeIfAbsent(row.day(), d -> new HashMap<>()).put(row.thread() + "\n" + row.model(), row);
        while (days.size() > DAYS) {
            days.pollFirstEntry();
        }
    }

    Mark restoreMark(String thread) {
        return mark(thread);
    }

    List<Row> all() {
        return since(LocalDate.MIN);
    }
}
