package dev.muxbar.theme;

import java.util.List;

/**
 * A colour as a theme names it: 24-bit ({@link Rgb}), one of the terminal's own 16 colours
 * ({@link Ansi}), or the terminal's default foreground/background ({@link Default}). Only the
 * {@code terminal} theme uses the last two: they follow whatever palette the terminal has.
 */
public sealed interface Color permits Rgb, Color.Ansi, Color.Default, Color.Indexed {

    /** One of the terminal's 16 colours: 0–7 normal, 8–15 bright. */
    record Ansi(int index) implements Color {
        // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x
        // (RecordEqualityTest)
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            return other instanceof Ansi o && index == o.index;
        }

        @Override
        public int hashCode() {
            int h = index;
            return h;
        }

        public Ansi {
            if (index < 0 || index > 15) {
                throw new IllegalArgumentException("ANSI colour index out of 0-15: " + index);
            }
        }

        @Override
        public String toString() {
            return NAMES.get(index);
        }
    }

    /** The terminal's default colour (foreground for text, background for fills). */
    record Default() implements Color {
        // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x
        // (RecordEqualityTest)
        @Override
        public boolean equals(Object other) {
            return other instanceof Default;
        }

        @Override
        public int hashCode() {
            return 0;
        }

        @Override
        public String toString() {
            return "default";
        }
    }

    /**
     * One of xterm's 240 fixed colours (16–255: the 6×6×6 cube and the grey ramp), for clients
     * without true colour; made by {@link Xterm256}, never written in theme files.
     */
    record Indexed(int index) implements Color {
        // Written out: under C1 (the daemon's only compiler) a record's generated equals costs ~10x
        // (RecordEqualityTest)
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            return other instanceof Indexed o && index == o.index;
        }

        @Override
        public int hashCode() {
            int h = index;
            return h;
        }

        public Indexed {
            if (index < 16 || index > 255) {
                throw new IllegalArgumentException("xterm colour index out of 16-255: " + index);
            }
        }

        @Override
        public String toString() {
            return "colour" + index;
        }
    }

    Default DEFAULT = new Default();

    /** The names of the 16 ANSI colours as theme files spell them, by index. */
    List<String> NAMES = List.of(
            "black",
            "red",
            "green",
            "yellow",
            "blue",
            "magenta",
            "cyan",
            "white",
            "bright-black",
            "bright-red",
            "bright-green",
            "bright-yellow",
            "bright-blue",
            "bright-magenta",
            "bright-cyan",
            "bright-white");

    /**
     * Parses {@code #rrggbb}, {@code default} or an ANSI name ({@code red}, {@code bright-blue}, …);
     * throws {@link IllegalArgumentException} quoting the text otherwise.
     */
    static Color parse(String text) {
        if (text != null && text.startsWith("#")) {
            return Rgb.parse(text);
        }
        if ("default".equals(text)) {
            return DEFAULT;
        }
        int i = text == null ? -1 : NAMES.indexOf(text);
        if (i < 0) {
            throw new IllegalArgumentException("not a colour: " + (text == null ? "null" : "\"" + text + "\"")
                    + " (use #rrggbb, default, or an ANSI name such as red or bright-blue)");
        }
        return new Ansi(i);
    }
}
