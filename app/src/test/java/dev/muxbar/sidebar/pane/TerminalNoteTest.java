package dev.muxbar.sidebar.pane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalNoteTest {

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void eachFormatIsWrappedForTmuxAndAgentTextCannotEndItEarly() {
        assertEquals(
                "\u001bPtmux;\u001b\u001b]9;muxbar: claude waits ✓\u0007\u001b\\",
                s(TerminalNote.OSC9.bytes("muxbar", "claude waits ✓")));
        assertEquals(
                "\u001bPtmux;\u001b\u001b]777;notify;a,b;body\u0007\u001b\\",
                s(TerminalNote.OSC777.bytes("a;b", "body")));
        assertEquals("\u001bPtmux;\u001b\u001b]99;;t: b\u001b\u001b\\\u001b\\", s(TerminalNote.OSC99.bytes("t", "b")));
        String evil = s(TerminalNote.OSC9.bytes("t", "x\u0007\u001b]0;pwned\u001b\\\u009c"));
        assertEquals("\u001bPtmux;\u001b\u001b]9;t: x]0;pwned\\\u0007\u001b\\", evil);
        assertEquals(TerminalNote.OSC9, TerminalNote.parse(" osc9 "));
        assertNull(TerminalNote.parse("off"));
        assertNull(TerminalNote.parse("bell"));
    }
}
