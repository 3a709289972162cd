package dev.muxbar.model;

import java.util.List;
import java.util.Locale;

/**
 * What scripts say about a session (its tests, its deploy, its build): a status line with a tone, a
 * progress, and a short log, each gone at its own expiry (scheduler ms). Shown in the session's
 * sidebar row and detail panel; published in the model and the event stream.
 */
public record Meta(Line status, Progress progress, List<Line> log) {
    // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x (RecordEqualityTest)
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Meta o
                && java.util.Objects.equals(status, o.status)
                && java.util.Objects.equals(progress, o.progress)
                && java.util.Objects.equals(log, o.log);
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(status);
        h = 31 * h + java.util.Objects.hashCode(progress);
        h = 31 * h + java.util.Objects.hashCode(log);
        return h;
    }

    /** How many log lines a session keeps (older ones go first). */
    public static final int LOG_LINES = 20;
    /** Longest text of a line. */
    public static final int MAX_TEXT = 200;

    public Meta {
        log = List.copyOf(log);
    }

    public static final Meta EMPTY = new Meta(null, null, List.of());

    public boolean isEmpty() {
        return status == null && progress == null && log.isEmpty();
    }

    /** The tone of a line, as a theme colours it. */
    public enum Tone {
        INFO,
        OK,
        WARN,
        ERROR;

        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** A wire name ({@code info}, {@code ok}, {@code warn}, {@code error}); null when unknown. */
        public static Tone parse(String s) {
            if (s == null) {
                return INFO;
            }
            for (Tone t : values()) {
                if (t.label().equals(s)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** A line of text with a tone, until a time. */
    public record Line(String text, Tone tone, long until) {
        // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x
        // (RecordEqualityTest)
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            return other instanceof Line o
                    && java.util.Objects.equals(text, o.text)
                    && tone == o.tone
                    && until == o.until;
        }

        @Override
        public int hashCode() {
            int h = java.util.Objects.hashCode(text);
            h = 31 * h + java.util.Objects.hashCode(tone);
            h = 31 * h + Long.hashCode(until);
            return h;
        }
    }

    /** {@code done} of {@code of} (a percent is {@code done} of 100), until a time. */
    public record Progress(int done, int of, long until) {
        // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x
        // (RecordEqualityTest)
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            return other instanceof Progress o && done == o.done && of == o.of && until == o.until;
        }

        @Override
        public int hashCode() {
            int h = done;
            h = 31 * h + of;
            h = 31 * h + Long.hashCode(until);
            return h;
        }

        public int percent() {
            return of <= 0 ? 0 : (int) Math.round(100.0 * Math.min(done, of) / of);
        }
    }

    /** This meta without what expired by {@code now}. */
    public Meta at(long now) {
        return new Meta(
                status != null && status.until() > now ? status : null,
                progress != null && progress.until() > now ? progress : null,
                log.stream().filter(l -> l.until() > now).toList());
    }

    /** The earliest expiry in it (Long.MAX_VALUE when empty). */
    public long nextExpiry() {
        long t = Long.MAX_VALUE;
        if (status != null) {
            t = Math.min(t, status.until());
        }
        if (progress != null) {
            t = Math.min(t, progress.until());
        }
        for (Line l : log) {
            t = Math.min(t, l.until());
        }
        return t;
    }
}
