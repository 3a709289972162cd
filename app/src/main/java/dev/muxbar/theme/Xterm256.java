package dev.muxbar.theme;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 256-colour fallback for clients without true colour: every 24-bit colour of a theme becomes
 * the perceptually nearest of xterm's fixed colours 16–255 (distance in CIELAB, so greys stay grey
 * and dark backgrounds stay dark). Colours 0–15 are never used: the terminal's palette defines them.
 * Roles that differ from the background in the theme keep differing after mapping (a cursor row a
 * shade lighter than the background would otherwise vanish).
 */
public final class Xterm256 {
    private Xterm256() {}

    /** Channel levels of the 6×6×6 cube (16–231). */
    private static final int[] CUBE = {0, 95, 135, 175, 215, 255};

    private static final double[][] LAB = new double[256][];

    static {
        for (int i = 16; i < 256; i++) {
            LAB[i] = lab(rgb(i));
        }
    }

    /** The colour of index {@code i} (16–255) as xterm defines it. */
    public static Rgb rgb(int i) {
        if (i >= 232) {
            int v = 8 + 10 * (i - 232);
            return new Rgb(v, v, v);
        }
        int n = i - 16;
        return new Rgb(CUBE[n / 36], CUBE[n / 6 % 6], CUBE[n % 6]);
    }

    /** The nearest index (16–255) to {@code c}. */
    public static int nearest(Rgb c) {
        return nearest(c, -1);
    }

    /** The nearest index to {@code c} other than {@code avoid}. */
    static int nearest(Rgb c, int avoid) {
        double[] target = lab(c);
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int i = 16; i < 256; i++) {
            if (i == avoid) {
                continue;
            }
            double[] l = LAB[i];
            double d = sq(l[0] - target[0]) + sq(l[1] - target[1]) + sq(l[2] - target[2]);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** The theme with every 24-bit colour replaced by its 256-colour index (ANSI and default stay). */
    public static Theme map(Theme t) {
        Color bg = t.color(Role.BACKGROUND);
        int bgIndex = bg instanceof Rgb b ? nearest(b) : -1;
        Map<String, Color> out = new LinkedHashMap<>();
        for (String role : Theme.ROLES) {
            Color c = t.color(Role.of(role));
            if (c instanceof Rgb rgb) {
                int i = nearest(rgb);
                if (i == bgIndex && !role.equals("background") && !rgb.equals(bg)) {
                    i = nearest(rgb, bgIndex); // keep it visible against the background
                }
                out.put(role, new Color.Indexed(i));
            } else {
                out.put(role, c);
            }
        }
        return new Theme(t.name(), t.description(), t.appearance(), out, t.glyphs());
    }

    private static double sq(double v) {
        return v * v;
    }

    /** sRGB → CIELAB (D65). */
    static double[] lab(Rgb c) {
        double r = lin(c.r());
        double g = lin(c.g());
        double b = lin(c.b());
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double lin(int v) {
        double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
