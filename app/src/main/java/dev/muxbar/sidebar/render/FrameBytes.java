package dev.muxbar.sidebar.render;

import dev.muxbar.text.Cells;
import dev.muxbar.theme.Color;
import dev.muxbar.theme.Rgb;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bytes that turn what a sidebar's tty shows into the next frame: only the rows that changed,
 * each span placed at its own column (so a terminal that counts a character's width differently
 * from {@link Cells} misplaces at most that span, not the rest of the row), colours as SGR. Pure.
 *
 * <p>Written by hand rather than through a Lanterna screen: a screen keeps two cell buffers per
 * sidebar and asks, for every cell of every refresh, whether its character is wide by looking up
 * its Unicode block — most of a busy daemon's painting CPU. Rows are compared whole here, and the
 * renderer already fitted each one to the width.
 */
public final class FrameBytes {
    private FrameBytes() {}

    private static final String CSI = "\u001b[";

    /**
     * What a sidebar's tty gets once, when it is opened: alternate screen, no cursor, cleared, and
     * mouse reports for presses and releases (mode 1000): without it tmux keeps clicks and the wheel
     * to itself (select the pane, copy mode) and the sidebar never sees them.
     */
    public static final byte[] START = (CSI + "?1049h" + CSI + "?25l" + CSI + "0m" + CSI + "2J" + CSI + "?1000h")
            .getBytes(StandardCharsets.US_ASCII);

    /**
     * @param shown the rows on the tty now (null: unknown, e.g. a new or resized pane: every row)
     * @param next the frame to show, one line per row
     * @return what to write (empty when nothing changed)
     */
    public static byte[] between(List<Line> shown, List<Line> next) {
        StringBuilder sb = new StringBuilder();
        String style = null;
        for (int row = 0; row < next.size(); row++) {
            Line line = next.get(row);
            if (shown != null && row < shown.size() && shown.get(row).equals(line)) {
                continue;
            }
            int col = 0;
            for (Line.Span s : line.spans()) {
                String text = printable(s.text());
                if (text.isEmpty()) {
                    continue;
                }
                sb.append(CSI).append(row + 1).append(';').append(col + 1).append('H');
                String sgr = sgr(s);
                if (!sgr.equals(style)) {
                    sb.append(sgr);
                    style = sgr;
                }
                sb.append(text);
                col += Cells.width(text);
            }
        }
        if (style == null) {
            return new byte[0];
        }
        return sb.append(CSI).append("0m").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Text as it may reach a tty: no control characters (agent text must not become escapes), and
     * composed where Unicode can (NFC: "e" + U+0301 → "é", which every terminal draws in one cell).
     */
    public static String printable(String text) {
        String t = java.text.Normalizer.isNormalized(text, java.text.Normalizer.Form.NFC)
                ? text
                : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
        for (int i = 0; i < t.length(); i++) {
            if (Character.isISOControl(t.charAt(i))) {
                StringBuilder sb = new StringBuilder(t.length());
                t.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(sb::appendCodePoint);
                return sb.toString();
            }
        }
        return t;
    }

    /** The span's whole style: reset, then bold, foreground and background. */
    public static String sgr(Line.Span s) {
        return CSI + "0" + (s.bold() ? ";1" : "") + ";" + colour(s.fg(), false) + ";" + colour(s.bg(), true) + "m";
    }

    /** A theme colour as SGR parameters: 24-bit, xterm index, the terminal's own ANSI colour, or default. */
    public static String colour(Color c, boolean background) {
        if (c instanceof Rgb rgb) {
            return (background ? "48;2;" : "38;2;") + rgb.r() + ";" + rgb.g() + ";" + rgb.b();
        }
        if (c instanceof Color.Indexed i) {
            return (background ? "48;5;" : "38;5;") + i.index();
        }
        if (c instanceof Color.Ansi a) {
            int base = a.index() < 8 ? (background ? 40 : 30) : (background ? 100 : 90);
            return Integer.toString(base + a.index() % 8);
        }
        if (c instanceof Color.Default) {
            return background ? "49" : "39";
        }
        throw new AssertionError(c);
    }
}
