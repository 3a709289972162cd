package dev.muxbar.sidebar.render;

import dev.muxbar.text.Cells;
import dev.muxbar.theme.Color;
import java.util.ArrayList;
import java.util.List;

/** One rendered row: styled spans that together fill exactly the sidebar's width. */
public record Line(List<Span> spans) {
    // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x (RecordEqualityTest)
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Line o && java.util.Objects.equals(spans, o.spans);
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(spans);
        return h;
    }

    public Line {
        spans = List.copyOf(spans);
    }

    /** Text with colours; {@code bold} for emphasis. */
    public record Span(String text, Color fg, Color bg, boolean bold) {
        // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x
        // (RecordEqualityTest)
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            return other instanceof Span o
                    && java.util.Objects.equals(text, o.text)
                    && java.util.Objects.equals(fg, o.fg)
                    && java.util.Objects.equals(bg, o.bg)
                    && bold == o.bold;
        }

        @Override
        public int hashCode() {
            int h = java.util.Objects.hashCode(text);
            h = 31 * h + java.util.Objects.hashCode(fg);
            h = 31 * h + java.util.Objects.hashCode(bg);
            h = 31 * h + Boolean.hashCode(bold);
            return h;
        }
    }

    /** The row's characters without styles (for golden tests and capture-pane comparisons). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            sb.append(s.text());
        }
        return sb.toString();
    }

    /** Builds a line left to right and pads it to the width with the given background. */
    public static final class Builder {
        private final int width;
        private final Color fill;
        private final Color ink;
        private final List<Span> spans = new ArrayList<>();
        private int used;

        public Builder(int width, Color fill) {
            this(width, fill, null);
        }

        /**
         * {@code ink}: drawn instead of a foreground equal to its background, so text stays visible on a
         * highlighted row whose colour a theme also uses for text (the {@code terminal} theme's
         * bright-black cursor row and muted numbers).
         */
        public Builder(int width, Color fill, Color ink) {
            this.width = width;
            this.fill = fill;
            this.ink = ink;
        }

        public int left() {
            return width - used;
        }

        /** Appends text cut to the space left. */
        public Builder add(String text, Color fg, Color bg, boolean bold) {
            String t = Cells.fit(text, left());
            if (!t.isEmpty()) {
                spans.add(new Span(t, ink != null && fg.equals(bg) && !t.isBlank() ? ink : fg, bg, bold));
                used += Cells.width(t);
            }
            return this;
        }

        /** Appends text right-aligned in the remaining space (padding with {@code bg}). */
        public Builder right(String text, Color fg, Color bg, boolean bold) {
            int w = Cells.width(text);
            if (w < left()) {
                add(" ".repeat(left() - w), fg, bg, false);
            }
            return add(text, fg, bg, bold);
        }

        public Line build() {
            if (used < width) {
                spans.add(new Span(" ".repeat(width - used), fill, fill, false));
            }
            return new Line(spans);
        }
    }
}
