package dev.muxbar.model;

import java.util.List;
import java.util.Locale;

/**
 * What scripts say about a session (its tests, its deploy, its build): a status line with a tone, a
 * progress, and a short log, each gone at its own expiry (scheduler ms). Shown in the session's
 * sidebar row and detail panel; published in the model and the event stream.
 */
public record Meta(Line status, Progress progress, List<Line> log) {

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
        INFO, OK, WARN, ERROR;

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
    public record Line(String text, Tone tone, long until) {}

    /** {@code done} of {@code of} (a percent is {@code done} of 100), until a time. */
    public record Progress(int done, int of, long until) {
        public int percent() {
            return of <= 0 ? 0 : (int) Math.round(100.0 * Math.min(done, of) / of);
        }
    }

    /** This meta without what expired by {@code now}. */
    public Meta at(long now) {
        return new Meta(status != null && status.until() > now ? status : null,
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
