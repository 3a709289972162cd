package dev.muxbar.theme;

/** A 24-bit colour. */
public record Rgb(int r, int g, int b) implements Color {
    // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x (RecordEqualityTest)
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Rgb o && r == o.r && g == o.g && b == o.b;
    }

    @Override
    public int hashCode() {
        int h = r;
        h = 31 * h + g;
        h = 31 * h + b;
        return h;
    }

    /** Parses {@code #rrggbb}; throws {@link IllegalArgumentException} with the text otherwise. */
    public static Rgb parse(String hex) {
        if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("not a #rrggbb colour: " + hex);
        }
        int v = Integer.parseInt(hex.substring(1), 16);
        return new Rgb(v >> 16 & 0xFF, v >> 8 & 0xFF, v & 0xFF);
    }

    /** This colour moved {@code amount} (0–1) of the way toward {@code other}. */
    public Rgb mix(Rgb other, double amount) {
        return new Rgb(lerp(r, other.r, amount), lerp(g, other.g, amount), lerp(b, other.b, amount));
    }

    private static int lerp(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    /** WCAG relative luminance, 0 (black) to 1 (white). */
    public double luminance() {
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    }

    private static double linear(int c) {
        double s = c / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    /** WCAG contrast ratio between two colours, 1 to 21. */
    public static double contrast(Rgb a, Rgb b) {
        double x = a.luminance();
        double y = b.luminance();
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    }

    @Override
    public String toString() {
        return String.format("#%02x%02x%02x", r, g, b);
    }
}
