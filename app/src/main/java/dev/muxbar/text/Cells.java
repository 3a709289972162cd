package dev.muxbar.text;

/**
 * Terminal cell widths, owned here so the sidebar's columns match what tmux draws (Lanterna's own
 * table disagrees with tmux for some symbols). Wide: East Asian wide/fullwidth ranges and emoji;
 * zero: combining marks, joiners and variation selectors.
 */
public final class Cells {
    private Cells() {}

    public static int width(int cp) {
        if (cp == 0 || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp >= 0xFE00 && cp <= 0xFE0F
                || cp >= 0x0300 && cp <= 0x036F || cp >= 0x1AB0 && cp <= 0x1AFF || cp >= 0x20D0 && cp <= 0x20FF) {
            return 0;
        }
        if (cp < 0x20 || cp == 0x7F) {
            return 0;
        }
        if (cp >= 0x1100 && cp <= 0x115F || cp >= 0x2E80 && cp <= 0x303E || cp >= 0x3041 && cp <= 0x33FF
                || cp >= 0x3400 && cp <= 0x4DBF || cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0xA000 && cp <= 0xA4CF
                || cp >= 0xAC00 && cp <= 0xD7A3 || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F
                || cp >= 0xFF00 && cp <= 0xFF60 || cp >= 0xFFE0 && cp <= 0xFFE6
                || cp >= 0x1F300 && cp <= 0x1F64F || cp >= 0x1F900 && cp <= 0x1F9FF || cp >= 0x1F680 && cp <= 0x1F6FF
                || cp >= 0x20000 && cp <= 0x3FFFD) {
            return 2;
        }
        return 1;
    }

    public static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += width(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** {@code s} cut to at most {@code cells} columns, ending in "…" when cut. */
    public static String fit(String s, int cells) {
        if (cells <= 0) {
            return "";
        }
        if (width(s) <= cells) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = width(cp);
            if (w + cw > cells - 1) {
                break;
            }
            sb.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return sb.append('…').toString();
    }

    /** {@code s} fitted and padded with spaces to exactly {@code cells} columns. */
    public static String pad(String s, int cells) {
        String f = fit(s, cells);
        return f + " ".repeat(Math.max(0, cells - width(f)));
    }
}
