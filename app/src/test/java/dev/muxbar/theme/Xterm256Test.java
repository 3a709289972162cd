package dev.muxbar.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Xterm256Test {

    @Test
    void paletteIsXterms() {
        assertEquals(new Rgb(0, 0, 0), Xterm256.rgb(16));
        assertEquals(new Rgb(255, 255, 255), Xterm256.rgb(231));
        assertEquals(new Rgb(95, 135, 175), Xterm256.rgb(16 + 36 + 2 * 6 + 3));
        assertEquals(new Rgb(8, 8, 8), Xterm256.rgb(232));
        assertEquals(new Rgb(238, 238, 238), Xterm256.rgb(255));
    }

    @Test
    void exactColoursMapToThemselvesAndGreysStayGrey() {
        assertEquals(16, Xterm256.nearest(Rgb.parse("#000000")));
        assertEquals(231, Xterm256.nearest(Rgb.parse("#ffffff")));
        assertEquals(196, Xterm256.nearest(Rgb.parse("#ff0000")));
        assertEquals(244, Xterm256.nearest(Rgb.parse("#808080")));
        assertEquals(235, Xterm256.nearest(Rgb.parse("#262626")));
        int nord = Xterm256.nearest(Rgb.parse("#2e3440")); // a dark blue-grey stays dark
        assertTrue(Xterm256.rgb(nord).luminance() < 0.05, "nord background → " + nord + " " + Xterm256.rgb(nord));
        int mocha = Xterm256.nearest(Rgb.parse("#1e1e2e"));
        assertTrue(mocha >= 233 && mocha <= 236, "catppuccin mocha's base → a dark grey, not a blue: " + mocha);
    }

    @Test
    void everyThemeKeepsItsRolesApartFromTheBackground() {
        for (String n : BuiltInThemes.names()) {
            Theme t = Theme.builtIn(n);
            Theme low = Xterm256.map(t);
            for (String role : Theme.ROLES) {
                Color c = low.color(Role.of(role));
                if (t.color(Role.of(role)) instanceof Rgb rgb) {
                    assertTrue(c instanceof Color.Indexed, n + " " + role);
                    double off = Math.sqrt(distance(rgb, Xterm256.rgb(((Color.Indexed) c).index())));
                    assertTrue(off < 25, n + " " + role + " " + rgb + " → " + c + " is " + off + " ΔE away");
                    if (!role.equals("background") && !rgb.equals(t.color(Role.BACKGROUND))) {
                        assertNotEquals(
                                low.color(Role.BACKGROUND), c, n + " " + role + " vanishes into the background");
                    }
                } else {
                    assertEquals(t.color(Role.of(role)), c, "the terminal's own colours are kept");
                }
            }
        }
    }

    private static double distance(Rgb a, Rgb b) {
        double[] x = Xterm256.lab(a);
        double[] y = Xterm256.lab(b);
        return Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2) + Math.pow(x[2] - y[2], 2);
    }
}
