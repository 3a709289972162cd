package dev.muxbar.real;

import dev.muxbar.model.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * What one agent pane truly did, as the test that drove it saw it (the keys it sent, the dialogs and
 * turn ends on the real screen), and how the daemon's samples of that pane score against it.
 *
 * <p>A sample is right when it shows what was true within {@link #TOLERANCE_MS} of its time: the truth
 * itself is read off the screen every 50 ms (and a TUI draws a dialog a little after its hook has
 * told muxbar), the daemon is sampled every 100 ms, so a shorter difference is below what this test
 * can tell apart. Everything slower counts as wrong; the time to show a dialog as waiting is reported
 * on its own.
 */
final class Timeline {

    static final long TOLERANCE_MS = 300;
    /**
     * An agent asks before its dialog is drawn: Codex 0.169 tells its PermissionRequest hook ~0.75 s
     * before the dialog is on screen. Waiting shown this long before the dialog appears is right.
     */
    static final long ASK_LEAD_MS = 1_000;

    /** The truth at a moment, and which statuses show it. */
    enum Truth {
        FRESH,
        BUSY,
        WAITING,
        FINISHED;

        boolean shownBy(Status s) {
            if (s == null) {
                return false;
            }
            return switch (this) {
                case FRESH -> s == Status.IDLE;
                case BUSY -> s.busy();
                case WAITING -> s == Status.WAITING;
                case FINISHED -> s.terminal();
            };
        }
    }

    /** The daemon's row for the pane at {@code t} (ms): its status (null: no row) and thread. */
    record Sample(long t, Status status, String thread, String source) {}

    /** The share of time right, the time to show each dialog as waiting, and the first wrong stretches. */
    record Score(long totalMs, long rightMs, List<Long> waitLatencies, List<String> wrong) {
        double accuracy() {
            return totalMs == 0 ? 1 : (double) rightMs / totalMs;
        }

        long worstWait() {
            return waitLatencies.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    private record Change(long at, Truth truth) {}

    private final List<Change> changes = new ArrayList<>();

    Timeline(long start) {
        changes.add(new Change(start, Truth.FRESH));
    }

    synchronized void set(long at, Truth truth) {
        changes.add(new Change(at, truth));
    }

    synchronized Truth at(long t) {
        Truth now = changes.get(0).truth();
        for (Change c : changes) {
            if (c.at() <= t) {
                now = c.truth();
            }
        }
        return now;
    }

    /** When the first turn began (scoring starts there: before it the CLI was starting up). */
    synchronized long firstTurn() {
        return changes.stream()
                .filter(c -> c.truth() != Truth.FRESH)
                .mapToLong(Change::at)
                .findFirst()
                .orElse(Long.MAX_VALUE);
    }

    /** Scores the samples in [from, to]. */
    synchronized Score score(List<Sample> samples, long from, long to) {
        long total = 0;
        long right = 0;
        List<String> wrong = new ArrayList<>();
        long prev = -1;
        long wrongSince = -1;
        String stretch = null;
        for (Sample s : samples) {
            if (s.t() < from || s.t() > to) {
                continue;
            }
            long dt = prev < 0 ? 100 : s.t() - prev;
            prev = s.t();
            total += dt;
            Truth truth = at(s.t());
            boolean ok = truth.shownBy(s.status())
                    || at(s.t() - TOLERANCE_MS).shownBy(s.status())
                    || at(s.t() + TOLERANCE_MS).shownBy(s.status())
                    || (truth == Truth.BUSY
                            && s.status() == Status.WAITING
                            && at(s.t() + ASK_LEAD_MS) == Truth.WAITING);
            if (ok) {
                right += dt;
                if (stretch != null && wrong.size() < 12) {
                    wrong.add(stretch + " for " + (s.t() - wrongSince) + " ms");
                }
                stretch = null;
            } else if (stretch == null) {
                wrongSince = s.t();
                stretch = String.format(
                        "%+6.1fs shown %s (%s), true %s",
                        (s.t() - from) / 1000.0,
                        s.status() == null ? "nothing" : s.status().label(),
                        s.source(),
                        truth);
            }
        }
        if (stretch != null && wrong.size() < 12) {
            wrong.add(stretch + " until the end");
        }
        return new Score(total, right, waitLatencies(samples), List.copyOf(wrong));
    }

    /** For each dialog: from its appearance to the first sample showing waiting (or to its end, if none did). */
    private List<Long> waitLatencies(List<Sample> samples) {
        List<Long> out = new ArrayList<>();
        for (int k = 0; k < changes.size(); k++) {
            if (changes.get(k).truth() != Truth.WAITING) {
                continue;
            }
            long from = changes.get(k).at();
            long until = k + 1 < changes.size() ? changes.get(k + 1).at() : Long.MAX_VALUE;
            long seen = until;
            for (Sample s : samples) {
                if (s.t() >= from && s.t() < until && s.status() == Status.WAITING) {
                    seen = s.t();
                    break;
                }
            }
            out.add(seen - from);
        }
        return out;
    }
}
