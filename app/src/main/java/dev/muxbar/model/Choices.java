package dev.muxbar.model;

/**
 * What the user chose, held by the loop next to the tmux model and changed only by events: the
 * sidebars on or off, their width (the one shown, live while it is being chosen, and the one kept:
 * saved, and told to tmux as {@code @muxbar-width}), their edge, the notice every sidebar shows
 * for a while ({@code null} for none), and the name of the theme shown ("" until one is).
 */
public record Choices(boolean sidebars, int width, int keptWidth, boolean right, String notice, String theme) {

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
