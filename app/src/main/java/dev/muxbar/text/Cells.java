package dev.muxbar.text;

/**
 * Terminal cell widths, owned here so the sidebar's columns match what tmux draws (Lanterna's own
 * table disagrees with tmux for some symbols). tmux draws with the C library's {@code wcwidth}:
 * {@code text/widths.txt} holds glibc's ranges of 2-cell and 0-cell code points (made by
 * {@code scripts/dev/cell-widths}), e.g. ✅ U+2705 and ⚡ U+26A1 are 2 cells, a combining acute
 * 0. Control characters are 0, everything else 1.
 */
public final class Cells {
    private Cells() {}

    /** Sorted, non-overlapping ranges: {@code starts[i]..ends[i]} has width {@code widths[i]}. */
    private static final int[] STARTS;

    private static final int[] ENDS;
    private static final byte[] WIDTHS;

    static {
        java.util.List<int[]> ranges = new java.util.ArrayList<>();
        try (java.io.InputStream in = Cells.class.getResourceAsStream("/text/widths.txt")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).split("\n")) {
                String[] f = line.trim().split(" ");
                if (f.length == 3 && (f[0].equals("W") || f[0].equals("Z"))) {
                    ranges.add(
                            new int[] {Integer.parseInt(f[1], 16), Integer.parseInt(f[2], 16), f[0].equals("W") ? 2 : 0
                            });
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new ExceptionInInitializerError("text/widths.txt is missing from the jar: " + e);
        }
        ranges.sort(java.util.Comparator.comparingInt(r -> r[0]));
        STARTS = new int[ranges.size()];
        ENDS = new int[ranges.size()];
        WIDTHS = new byte[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            STARTS[i] = ranges.get(i)[0];
            ENDS[i] = ranges.get(i)[1];
            WIDTHS[i] = (byte) ranges.get(i)[2];
        }
    }

    public static int width(int cp) {
        if (cp < 0x20 || cp == 0x7F || cp >= 0x80 && cp < 0xA0) {
            return 0;
        }
        if (cp < 0x300) {
            return 1; // Latin: the common case, before any lookup
        }
        int i = java.util.Arrays.binarySearch(STARTS, cp);
        if (i < 0) {
            i = -i - 2; // the range starting before cp
        }
        return i >= 0 && cp <= ENDS[i] ? WIDTHS[i] : 1;
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
