package dev.muxbar.sidebar.render;

import dev.muxbar.model.Usage;
import dev.muxbar.text.Cells;
import dev.muxbar.theme.Color;
import dev.muxbar.theme.Role;
import dev.muxbar.theme.Theme;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the agents used, as the sidebar shows it: the header's day and the selected agent's figures; pure. */
public final class UsageLines {
    private UsageLines() {}

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE", Locale.ROOT);

    /**
     * The rule under the header: {@code  $4.10 today · 5h 63% ↻14:30 } (the tightest quota window and
     * when it resets, in {@code zone}); narrow, without the reset, then without the quota; "" with nothing
     * to say, or when not even the cost fits {@code w}.
     */
    public static String day(Usage today, long wallNow, ZoneId zone, int w) {
        if (today == null) {
            return "";
        }
        String cost = today.costUsd() != null && today.costUsd() > 0
                ? String.format(Locale.ROOT, "$%.2f today", today.costUsd())
                : null;
        Usage.Quota q = today.tightest();
        String quota = q == null ? null : q.name() + " " + Math.round(q.usedPercent()) + "%";
        String reset = "";
        if (q != null && q.resetsAt() > wallNow) {
            java.time.ZonedDateTime at = Instant.ofEpochMilli(q.resetsAt()).atZone(zone);
            reset = " ↻" + (q.resetsAt() - wallNow < 24 * 3600_000L ? CLOCK.format(at) : WEEKDAY.format(at));
        }
        for (String s :
                new String[] {join(cost, quota == null ? null : quota + reset), join(cost, quota), join(cost, null)}) {
            if (Cells.width(s) + 4 <= w) {
                return s;
            }
        }
        return "";
    }

    private static String join(String a, String b) {
        String s = a == null ? (b == null ? "" : b) : b == null ? a : a + " · " + b;
        return s.isEmpty() ? "" : " " + s + " ";
    }

    /**
     * Under the selected agent in the detail panel: a bar of its context in use and its model, then the
     * last turn's and the session's tokens in/out and the cost ({@code tokens only} when the price is not known).
     */
    public static List<Line> agent(Usage u, int w, Theme t) {
        Color bg = t.color(Role.BACKGROUND);
        List<Line> out = new ArrayList<>();
        Line.Builder first = new Line.Builder(w, bg).add("  ", bg, bg, false);
        int pct = u.contextPercent();
        if (pct >= 0) {
            int full = (int) Math.round(10 * pct / 100.0);
            Color c = pct >= u.warnAt() ? t.color(Role.WAITING) : t.color(Role.ACCENT);
            first.add("█".repeat(full), c, bg, false)
                    .add("░".repeat(10 - full), t.color(Role.MUTED), bg, false)
                    .add(" " + pct + "% ", c, bg, false);
        }
        out.add(first.add(u.model(), t.color(Role.MUTED), bg, false).build()); // the model as far as it fits
        String cost = u.costUsd() == null ? "tokens only" : String.format(Locale.ROOT, "$%.2f", u.costUsd());
        out.add(new Line.Builder(w, bg)
                .add(
                        "  " + tokens(u.lastIn()) + "/" + tokens(u.lastOut()) + " · Σ" + tokens(u.sessionIn()) + "/"
                                + tokens(u.sessionOut()) + " " + cost,
                        t.color(Role.MUTED),
                        bg,
                        false)
                .build());
        return out;
    }

    /** 950, 12k, 1.8M. */
    static String tokens(long n) {
        if (n < 1000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return n < 10_000 ? String.format(Locale.ROOT, "%.1fk", n / 1000.0) : n / 1000 + "k";
        }
        return String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
    }
}
