package dev.muxbar.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SvgTest {

    @Test
    void ticksAreRoundAndReachTheMaximum() {
        assertArrayEquals(new double[] {0, 2, 4, 6, 8}, Svg.ticks(7));
        assertArrayEquals(new double[] {0, 20, 40, 60, 80, 100}, Svg.ticks(100));
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, Svg.ticks(1), 1e-9);
        assertEquals(0, Svg.ticks(0)[0]);
    }

    @Test
    void aChartHasOneLinePerSeriesAndEscapesNames() {
        String svg = new Svg("RSS <MB>", "sessions", "MB", true)
                .add(new Svg.Series("muxbar & co", new double[] {10, 100, 1000}, new double[] {50, 60, 80}))
                .add(new Svg.Series("other", new double[] {10, 100, 1000}, new double[] {30, 40, 45}))
                .render(0, 0);
        assertTrue(svg.startsWith("<svg "));
        assertEquals(2, svg.split("<polyline", -1).length - 1);
        assertTrue(svg.contains("RSS &lt;MB&gt;"));
        assertTrue(svg.contains("muxbar &amp; co"));
        assertFalse(svg.contains("NaN"));
        assertTrue(svg.contains(">1000<"), "a tick at each measured x of a log axis");
    }
}
