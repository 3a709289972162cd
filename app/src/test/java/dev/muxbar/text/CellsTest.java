package dev.muxbar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void widthsFollowTmuxsTable() {
        assertEquals(2, Cells.width(0x2705), "✅ is drawn two wide by tmux");
        assertEquals(2, Cells.width(0x26A1), "⚡ too");
        assertEquals(1, Cells.width(0x2713), "✓ is not");
        assertEquals(0, Cells.width(0x0301), "a combining acute takes no cell");
        assertEquals(2, Cells.width("🚀"));
        assertEquals(0, Cells.width(0x1B), "control characters are not text");
        assertEquals(1, Cells.width(0x10FFFD - 1), "unlisted: one cell");
    }

    /** What `muxbar status` pads names with (it used %-24s: chars, not cells). */
    @Test
    void padCountsCellsSoColumnsLineUp() {
        for (String name : new String[] {"plain", "日本語", "🚀 rocket", "cafe\u0301", "✅ done"}) {
            assertEquals(12, Cells.width(Cells.pad(name, 12)), name);
        }
        assertEquals("日本語の…", Cells.fit("日本語の名前", 9));
    }
}
