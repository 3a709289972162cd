package dev.muxbar.sidebar.render;

import dev.muxbar.theme.Color;
import dev.muxbar.theme.Rgb;
import java.util.ArrayList;
import java.util.List;

/**
 * A line of {@code capture-pane -e} output as styled spans: SGR sequences set the colours and bold
 * (16 colours, 256 indexed, 24-bit, bright, defaults); other escape sequences are dropped. A default
 * colour becomes the given one (the peek draws on the sidebar's theme).
 *
 * <pre>
 * \e[1m~/src\e[0m $ \e[38;5;208mwarn\e[39m ok   →  "~/src" bold, " $ ", "warn" in 208, " ok"
 * </pre>
 */
public final class Ansi {
    private Ansi() {}

    /** The spans of one captured line; {@code fg}/{@code bg} stand for the terminal's defaults. */
    public static List<Line.Span> spans(String line, Color fg, Color bg) {
        List<Line.Span> out = new ArrayList<>();
        Color f = fg;
        Color b = bg;
        boolean bold = false;
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c != '\u001b') {
                if (c == '\t') {
                    text.append(' ');
                } else if (c >= ' ' && (c < 0x7f || c > 0x9f)) {
                    text.append(c); // DEL and C1 controls (an 8-bit CSI) never reach the sidebar's terminal
                }
                i++;
                continue;
            }
            int end = sequenceEnd(line, i);
            if (end > i + 2 && line.charAt(i + 1) == '[' && line.charAt(end - 1) == 'm') {
                if (text.length() > 0) {
                    out.add(new Line.Span(text.toString(), f, b, bold));
                    text.setLength(0);
                }
                int[] p = params(line.substring(i + 2, end - 1));
                for (int k = 0; k < p.length; k++) {
                    int v = p[k];
                    if (v == 0) {
                        f = fg;
                        b = bg;
                        bold = false;
                    } else if (v == 1) {
                        bold = true;
                    } else if (v == 22) {
                        bold = false;
                    } else if (v >= 30 && v <= 37) {
                        f = new Color.Ansi(v - 30);
                    } else if (v >= 90 && v <= 97) {
                        f = new Color.Ansi(v - 90 + 8);
                    } else if (v == 39) {
                        f = fg;
                    } else if (v >= 40 && v <= 47) {
                        b = new Color.Ansi(v - 40);
                    } else if (v >= 100 && v <= 107) {
                        b = new Color.Ansi(v - 100 + 8);
                    } else if (v == 49) {
                        b = bg;
                    } else if ((v == 38 || v == 48) && k + 1 < p.length) {
                        Color x = null;
                        if (p[k + 1] == 5 && k + 2 < p.length) {
                            x = p[k + 2] < 0 ? null : indexed(p[k + 2]);
                            k += 2;
                        } else if (p[k + 1] == 2 && k + 4 < p.length) {
                            x = new Rgb(clamp(p[k + 2]), clamp(p[k + 3]), clamp(p[k + 4]));
                            k += 4;
                        }
                        if (x != null && v == 38) {
                            f = x;
                        } else if (x != null) {
                            b = x;
                        }
                    }
                }
            }
            i = end;
        }
        if (text.length() > 0) {
            out.add(new Line.Span(text.toString(), f, b, bold));
        }
        return out;
    }

    /** Where the escape sequence at {@code i} ends (exclusive): CSI up to its final byte, else ESC and one char. */
    private static int sequenceEnd(String s, int i) {
        if (i + 1 < s.length() && s.charAt(i + 1) == '[') {
            int j = i + 2;
            while (j < s.length() && (s.charAt(j) < 0x40 || s.charAt(j) > 0x7e)) {
                j++;
            }
            return Math.min(s.length(), j + 1);
        }
        if (i + 1 < s.length() && s.charAt(i + 1) == ']') { // OSC (hyperlinks): up to BEL or ST
            int j = i + 2;
            while (j < s.length()
                    && s.charAt(j) != '\u0007'
                    && !(s.charAt(j) == '\u001b' && j + 1 < s.length() && s.charAt(j + 1) == '\\')) {
                j++;
            }
            return j >= s.length() ? s.length() : s.charAt(j) == '\u0007' ? j + 1 : j + 2;
        }
        return Math.min(s.length(), i + 2);
    }

    private static int[] params(String p) {
        if (p.isEmpty()) {
            return new int[] {0};
        }
        String[] parts = p.split("[;:]");
        int[] out = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            try {
                out[k] = parts[k].isEmpty() ? 0 : Integer.parseInt(parts[k]);
            } catch (NumberFormatException e) {
                out[k] = -1;
            }
        }
        return out;
    }

    private static Color indexed(int n) {
        return n < 16 ? new Color.Ansi(n) : new Color.Indexed(Math.min(255, n));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
