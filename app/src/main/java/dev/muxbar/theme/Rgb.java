package dev.muxbar.theme;

/** A 24-bit colour. */
public record Rgb(int r, int g, int b) {

    /** Parses {@code #rrggbb}; throws {@link IllegalArgumentException} with the text otherwise. */
    public static Rgb parse(String hex) {
        if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("not a #rrggbb colour: " + hex);
        }
        int v = Integer.parseInt(hex.substring(1), 16);
        return new Rgb(v >> 16 & 0xFF, v >> 8 & 0xFF, v & 0xFF);
    }

    @Override
    public String toString() {
        return String.format("#%02x%02x%02x", r, g, b);
    }
}
