package dev.muxbar.sidebar;

import dev.muxbar.theme.Rgb;
import java.util.ArrayList;
import java.util.List;

/** One rendered row: styled spans that together fill exactly the sidebar's width. */
public record Line(List<Span> spans) {

    public Line {
        spans = List.copyOf(spans);
    }

    /** Text with colours; {@code bold} for emphasis. */
    public record Span(String text, Rgb fg, Rgb bg, boolean bold) {}

    /** The row's characters without styles (for golden tests and capture-pane comparisons). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            sb.append(s.text());
        }
        return sb.toString();
    }

    /** Builds a line left to right and pads it to the width with the given background. */
    static final class Builder {
        private final int width;
        private final Rgb fill;
        private final List<Span> spans = new ArrayList<>();
        private int used;

        Builder(int width, Rgb fill) {
            this.width = width;
            this.fill = fill;
        }

        int left() {
            return width - used;
        }

        /** Appends text cut to the space left. */
        Builder add(String text, Rgb fg, Rgb bg, boolean bold) {
            String t = Cells.fit(text, left());
            if (!t.isEmpty()) {
                spans.add(new Span(t, fg, bg, bold));
                used += Cells.width(t);
            }
            return this;
        }

        /** Appends text right-aligned in the remaining space (padding with {@code bg}). */
        Builder right(String text, Rgb fg, Rgb bg, boolean bold) {
            int w = Cells.width(text);
            if (w < left()) {
                add(" ".repeat(left() - w), fg, bg, false);
            }
            return add(text, fg, bg, bold);
        }

        Line build() {
            if (used < width) {
                spans.add(new Span(" ".repeat(width - used), fill, fill, false));
            }
            return new Line(spans);
        }
    }
}
