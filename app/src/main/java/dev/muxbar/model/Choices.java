package dev.muxbar.model;

/**
 * What the user chose, held by the loop next to the tmux model and changed only by events: the
 * sidebars on or off, their width (the one shown, live while it is being chosen, and the one kept:
 * saved, and told to tmux as {@code @muxbar-width}), their edge, the notice every sidebar shows
 * for a while ({@code null} for none), and the name of the theme shown ("" until one is).
 */
public record Choices(boolean sidebars, int width, int keptWidth, boolean right, String notice, String theme) {
    // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x (RecordEqualityTest)
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Choices o
                && sidebars == o.sidebars
                && width == o.width
                && keptWidth == o.keptWidth
                && right == o.right
                && java.util.Objects.equals(notice, o.notice)
                && java.util.Objects.equals(theme, o.theme);
    }

    @Override
    public int hashCode() {
        int h = Boolean.hashCode(sidebars);
        h = 31 * h + width;
        h = 31 * h + keptWidth;
        h = 31 * h + Boolean.hashCode(right);
        h = 31 * h + java.util.Objects.hashCode(notice);
        h = 31 * h + java.util.Objects.hashCode(theme);
        return h;
    }

    public static final int MIN_WIDTH = 16;
    public static final int MAX_WIDTH = 80;
    public static final Choices DEFAULT = new Choices(true, 30, 30, false, null, "");

    public Choices {
        width = clamp(width);
        keptWidth = clamp(keptWidth);
    }

    private static int clamp(int w) {
        return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, w));
    }

    public Choices withSidebars(boolean on) {
        return new Choices(on, width, keptWidth, right, notice, theme);
    }

    /** A width shown now; {@code keep} also makes it the kept one, else the kept one stays. */
    public Choices withWidth(int w, boolean keep) {
        return new Choices(sidebars, w, keep ? w : keptWidth, right, notice, theme);
    }

    public Choices withNotice(String text) {
        return new Choices(sidebars, width, keptWidth, right, text, theme);
    }

    public Choices withTheme(String name) {
        return new Choices(sidebars, width, keptWidth, right, notice, name);
    }
}
