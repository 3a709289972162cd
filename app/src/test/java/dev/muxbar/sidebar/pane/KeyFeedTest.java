package dev.muxbar.sidebar.pane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyFeedTest {

    private static String drain(KeyFeed f) {
        byte[] b = new byte[f.available()];
        int n = f.read(b, 0, b.length);
        return new String(b, 0, Math.max(0, n), StandardCharsets.ISO_8859_1);
    }

    private static void add(KeyFeed f, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        f.add(b, b.length);
    }

    @Test
    void aSequenceSplitAfterItsEscArrivesWhole() {
        KeyFeed f = new KeyFeed();
        add(f, "j\u001b");
        assertEquals("j", drain(f)); // the ESC waits for what follows
        assertTrue(f.holding() > 0);
        add(f, "[A");
        assertEquals("\u001b[A", drain(f));
        assertEquals(0, f.holding());
    }

    @Test
    void aLoneEscIsLetThroughWhenReleased() {
        KeyFeed f = new KeyFeed();
        add(f, "\u001b");
        long id = f.holding();
        assertEquals(0, f.available());
        assertTrue(f.release(id));
        assertEquals("\u001b", drain(f));
        assertFalse(f.release(id), "released twice");
    }

    @Test
    void anOlderReleaseDoesNotLetANewerEscGoEarly() {
        KeyFeed f = new KeyFeed();
        add(f, "\u001b");
        long first = f.holding();
        add(f, "x\u001b"); // the first ESC went with the x; a new one is held
        assertEquals("\u001bx", drain(f));
        assertFalse(f.release(first));
        assertEquals(0, f.available());
    }

    @Test
    void escEscIsTwoEscKeysAtOnce() {
        KeyFeed f = new KeyFeed();
        add(f, "\u001b\u001b");
        assertEquals(0, f.holding());
        assertEquals("\u001b\u001b", drain(f));
    }

    @Test
    void manyBytesGrowTheBuffer() {
        KeyFeed f = new KeyFeed();
        String big = "k".repeat(1000);
        add(f, big);
        assertEquals(big, drain(f));
        assertEquals(-1, f.read());
    }
}
